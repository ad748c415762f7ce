package dev.herald.spring.thymeleaf;

import dev.herald.htmx.Contract;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.HtmxEvent;
import dev.herald.htmx.Swap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The Thymeleaf bridge: renders a template, or one fragment of it, to an HTML string, a
 * {@link Fragment} or a contract event, to publish with the templates the pages use. Output is
 * stripped of surrounding blank lines, as {@code JteRenderer}'s is: a fragment is exactly its
 * element.
 *
 * <pre>{@code
 * htmx.publish("board", CARDS.event(thymeleaf.render("board :: card", Map.of("card", card))));
 * }</pre>
 *
 * <p>A published fragment goes to every page, whoever's request caused it: it is rendered in the
 * JVM's default locale, not a request's. Thread-safe.
 */
public final class ThymeleafRenderer {

    private final ITemplateEngine engine;

    private ThymeleafRenderer(ITemplateEngine engine) {
        this.engine = engine;
    }

    /** Templates of {@code engine} (in Spring Boot, the application's {@code SpringTemplateEngine}). */
    public static ThymeleafRenderer of(ITemplateEngine engine) {
        return new ThymeleafRenderer(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * {@code template} with {@code variables}, stripped.
     *
     * @param template a template name ({@code board}), or one fragment of it in Thymeleaf's selector
     *                 form ({@code board :: card}, the {@code th:fragment="card"} of {@code board})
     */
    public String render(String template, Map<String, ?> variables) {
        Context context = new Context(Locale.getDefault(), new HashMap<>(variables));
        int selector = template.indexOf("::");
        if (selector < 0) {
            return engine.process(template, context).strip();
        }
        return engine.process(template.substring(0, selector).strip(), Set.of(template.substring(selector + 2).strip()), context)
                .strip();
    }

    /** {@code template} rendered as a fragment for {@code target}. */
    public Fragment fragment(String template, Map<String, ?> variables, String target, Swap swap) {
        return Fragment.of(render(template, variables), target, swap);
    }

    /** {@code template} rendered as an event of the region contract {@code contract}. */
    public HtmxEvent event(Contract contract, String template, Map<String, ?> variables) {
        return contract.event(render(template, variables));
    }
}
