package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.htmx.Contract;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.HtmxEvent;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** JTE with the starter: a page's connection and region in a template, and a fragment rendered to publish (src/test/jte). */
public class JteTemplatesTest {

    /** The region contract of src/test/jte/board.jte. */
    public static final Contract CARDS = Contract.append("card", "cards");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withPropertyValues("gg.jte.development-mode=true", "gg.jte.template-location=src/test/jte",
                    "gg.jte.class-directory=target/jte-test-classes")
            .withConfiguration(AutoConfigurations.of(JteAutoConfiguration.class, HeraldAutoConfiguration.class,
                    HeraldJteAutoConfiguration.class));

    @Test
    void aTemplateWritesThePagesConnectionAndRegionAroundItsHistory() {
        context.run(app -> {
            Hub hub = app.getBean(Hub.class);
            PageStream stream = app.getBean(Htmx.class).page(hub.position(), List.of("board"), List.of(CARDS));

            String page = app.getBean(JteRenderer.class).render("board.jte", Map.of("stream", stream, "cards", List.of("Plan <the> sprint")));

            assertThat(page).isEqualTo("<main class=\"board\" hx-ext=\"sse\" sse-connect=\"" + stream.url().replace("&", "&amp;") + "\">"
                    + "<ol id=\"cards\" sse-swap=\"card\" hx-swap=\"beforeend\"><li>Plan &lt;the&gt; sprint</li>\n</ol>"
                    + "<div sse-swap=\"herald-snapshot\" hx-swap=\"none\" hidden></div></main>");
        });
    }

    @Test
    void aFragmentRendersToTheEventThePageSwapsIn() {
        context.run(app -> {
            HtmxEvent event = app.getBean(JteRenderer.class).event(CARDS, "card.jte", "Ship it & celebrate");

            assertThat(event.type()).isEqualTo("card");
            assertThat(event.data()).isEqualTo("<li>Ship it &amp; celebrate</li>");
            app.getBean(Htmx.class).publish("board", event);
            assertThat(app.getBean(Hub.class).stats().eventsPublished()).isEqualTo(1);
        });
    }
}
