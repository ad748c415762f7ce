package dev.herald.htmx;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.runtime.Template;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JteRendererTest {

    /** An engine whose one "template" writes what a template file leaves: blank lines around the markup. */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            JteRendererTest.class.getClassLoader(), "dev.herald.htmx.jtetest");

    @Test
    void aRenderedTemplateIsStrippedSoItsFinalNewlineAddsNoEmptyDataLine() {
        JteRenderer templates = JteRenderer.of(ENGINE);

        Fragment fragment = templates.fragment("item.jte", "hi & bye", "list", Swap.BEFORE_END);

        assertThat(fragment.html()).isEqualTo("<li>hi &amp; bye</li>");
        assertThat(templates.event(Contract.append("item", "list"), "item.jte", "x").data()).isEqualTo("<li>x</li>");
        assertThat(templates.render("item.jte", Map.of("text", "y"))).isEqualTo("<li>y</li>");
    }
}
