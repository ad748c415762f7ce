package dev.herald.htmx;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import java.util.Objects;

/**
 * The JTE bridge: renders templates to HTML strings, {@link Fragment}s and contract events.
 * Output is stripped of the blank lines a template file leaves around its markup (the
 * {@code @param} lines, the file's final newline): a payload ending in a line break would cost an
 * extra empty {@code data:} line on the wire, and a fragment is exactly its element.
 *
 * <p>HTML content type: every {@code ${…}} is escaped for where it stands. Thread-safe.
 */
public final class JteRenderer {

    private final TemplateEngine engine;

    private JteRenderer(TemplateEngine engine) {
        this.engine = engine;
    }

    /** Templates precompiled at build time ({@code jte-maven-plugin}), HTML content type. */
    public static JteRenderer precompiled() {
        return new JteRenderer(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    /** Templates of {@code engine}, which should use {@link ContentType#Html}. */
    public static JteRenderer of(TemplateEngine engine) {
        return new JteRenderer(Objects.requireNonNull(engine, "engine"));
    }

    /** {@code template} (a path such as {@code chat/message.jte}) with its single parameter, stripped. */
    public String render(String template, Object param) {
        StringOutput output = new StringOutput();
        engine.render(template, param, output);
        return output.toString().strip();
    }

    /** {@code template} with named parameters, stripped. */
    public String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString().strip();
    }

    /** {@code template} rendered as a fragment for {@code target}. */
    public Fragment fragment(String template, Object param, String target, Swap swap) {
        return Fragment.of(render(template, param), target, swap);
    }

    /** {@code template} rendered as an event of the region contract {@code contract}. */
    public HtmxEvent event(Contract contract, String template, Object param) {
        return contract.event(render(template, param));
    }
}
