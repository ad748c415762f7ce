package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.htmx.ClientAssets;
import dev.herald.htmx.Contract;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.HtmxEvent;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.spring.thymeleaf.HeraldDialect;
import dev.herald.spring.thymeleaf.ThymeleafRenderer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Thymeleaf with the starter: the herald: attributes write a page's connection, region and scripts
 * (src/test/resources/templates), refuse the mistakes PageStream refuses, naming the template and
 * line; a fragment renders to publish.
 */
class ThymeleafTemplatesTest {

    static final Contract CARDS = Contract.append("card", "cards");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class, HeraldAutoConfiguration.class,
                    HeraldThymeleafAutoConfiguration.class));

    @Test
    void theHeraldAttributesWriteThePagesConnectionAndRegionAroundItsHistory() {
        context.run(app -> {
            PageStream stream = stream(app);

            String page = render(app, "board", Map.of("stream", stream, "cards", CARDS, "titles", List.of("Plan <the> sprint")));

            assertThat(page).isEqualTo("<main class=\"board\" hx-ext=\"sse\" sse-connect=\"" + stream.url().replace("&", "&amp;") + "\">"
                    + "<ol id=\"cards\" sse-swap=\"card\" hx-swap=\"beforeend\"><li>Plan &lt;the&gt; sprint</li></ol>"
                    + "<div sse-swap=\"herald-snapshot\" hx-swap=\"none\" hidden></div></main>\n");
        });
    }

    @Test
    void heraldScriptsWritesTheStreamsScripts() {
        context.run(app -> assertThat(render(app, "head", Map.of("stream", stream(app))))
                .contains("<script src=\"" + ClientAssets.HTMX + "\"></script>", ClientAssets.SSE_EXTENSION, ClientAssets.HYPERSCRIPT)
                .doesNotContain("herald:"));
    }

    @Test
    void aRegionOutsideTheConnectingElementFailsTheRenderNamingTemplateAndLine() {
        context.run(app -> assertThatThrownBy(() -> render(app, "misplaced", Map.of("stream", stream(app), "cards", CARDS)))
                .isInstanceOf(TemplateProcessingException.class)
                .hasMessageContaining("template: \"misplaced\" - line 2")
                .hasRootCauseMessage("herald:region=\"${cards}\" (#cards) is outside the element with herald:connect: "
                        + "it would never receive card; put it inside"));
    }

    @Test
    void aDeclaredRegionThatIsNotRenderedFailsTheRender() {
        context.run(app -> assertThatThrownBy(() -> render(app, "unrendered", Map.of("stream", stream(app))))
                .isInstanceOf(TemplateProcessingException.class)
                .rootCause().hasMessageContaining("contract card (#cards, beforeend) is declared but no region renders it"));
    }

    @Test
    void aFragmentOfATemplateRendersToTheEventThePageSwapsIn() {
        context.run(app -> {
            assertThat(app).hasSingleBean(HeraldDialect.class);
            HtmxEvent event = app.getBean(ThymeleafRenderer.class).event(CARDS, "card :: card", Map.of("card", "Ship it & celebrate"));

            assertThat(event.type()).isEqualTo("card");
            assertThat(event.data()).isEqualTo("<li>Ship it &amp; celebrate</li>");
            app.getBean(Htmx.class).publish("board", event);
            assertThat(app.getBean(Hub.class).stats().eventsPublished()).isEqualTo(1);
        });
    }

    private static PageStream stream(AssertableApplicationContext app) {
        return app.getBean(Htmx.class).page(app.getBean(Hub.class).position(), List.of("board"), List.of(CARDS));
    }

    private static String render(AssertableApplicationContext app, String template, Map<String, Object> variables) {
        return app.getBean(ITemplateEngine.class).process(template, new Context(Locale.ROOT, variables));
    }
}
