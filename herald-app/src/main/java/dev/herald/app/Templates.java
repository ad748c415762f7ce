package dev.herald.app;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The app's JTE templates, compiled at build time ({@code jte-maven-plugin}), so nothing is
 * compiled at run time. HTML content type: every {@code ${...}} is escaped for where it stands.
 */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /**
     * Renders {@code name} (a path under {@code src/main/jte}) with its single parameter, without
     * the surrounding blank lines a template file leaves, so a fragment is exactly its element.
     */
    public String render(String name, Object model) {
        StringOutput output = new StringOutput();
        engine.render(name, model, output);
        return output.toString().strip();
    }

    /** Renders {@code name} with named parameters; otherwise as {@link #render(String, Object)}. */
    public String render(String name, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        engine.render(name, parameters, output);
        return output.toString().strip();
    }
}
