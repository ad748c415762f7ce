package dev.herald.htmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.herald.hub.Hub;
import gg.jte.Content;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listening markup a page stream writes, and the guide's three mistakes it refuses to write. */
class PageStreamTest {

    private static final Contract MESSAGES = Contract.append("chat-message", "messages");
    private static final Contract PRESENCE = Contract.oob("presence");
    private final Hub hub = Hub.builder().build();
    private final List<String> warnings = new ArrayList<>();
    private final Htmx htmx = Htmx.builder(hub).devMode(warnings::add).build();

    @AfterEach
    void close() {
        hub.close();
    }

    private PageStream page(Dialect dialect) {
        return htmx.page(dialect, "abcdefgh:7", List.of("chat/1", "notifications"), List.of(MESSAGES, PRESENCE));
    }

    private static String write(Content content) {
        StringOutput output = new StringOutput();
        content.writeTo(output);
        return output.toString();
    }

    private static String page(PageStream stream, Content regions) {
        return write(stream.connect(Tag.of("main").attr("class", "page"), regions));
    }

    @Test
    void htmx2SwapsOnAChildOfTheConnectingElementAndCatchesOutOfBandEventsInAHiddenHandler() {
        PageStream stream = page(Dialect.HTMX_2);

        String html = page(stream, stream.region(MESSAGES, Tag.of("ol").attr("_", "on load x"), out -> out.writeContent("<li>old</li>")));

        assertThat(html).isEqualTo("<main class=\"page\" hx-ext=\"sse\" sse-connect=\"/.well-known/mercure?topic=chat%2F1"
                + "&amp;topic=notifications&amp;lastEventID=abcdefgh%3A7\">"
                + "<ol _=\"on load x\" id=\"messages\" sse-swap=\"chat-message\" hx-swap=\"beforeend\"><li>old</li></ol>"
                + "<div sse-swap=\"presence,herald-snapshot\" hx-swap=\"none\" hidden></div></main>");
    }

    @Test
    void htmx4ConnectsWithHxSseAndMarksTheElementsHeraldsScriptSwapsInto() {
        PageStream stream = page(Dialect.HTMX_4);

        String html = page(stream, stream.region(MESSAGES, Tag.of("ol"), out -> { }));

        assertThat(html).isEqualTo("<main class=\"page\" hx-sse:connect=\"/.well-known/mercure?topic=chat%2F1"
                + "&amp;topic=notifications&amp;lastEventID=abcdefgh%3A7\" hx-swap=\"none\">"
                + "<ol id=\"messages\" data-herald-swap=\"chat-message\" hx-swap=\"beforeend\"></ol>"
                + "<div data-herald-swap=\"presence,herald-snapshot\" hx-swap=\"none\" hidden></div></main>");
        assertThat(stream.autoScroll()).isEqualTo("on load or htmx:after:swap set my scrollTop to my scrollHeight");
        assertThat(write(stream.scripts())).contains(ClientAssets.HTMX_4, ClientAssets.HTMX_4_SSE, ClientAssets.HERALD_HTMX_4,
                ClientAssets.HYPERSCRIPT).doesNotContain(ClientAssets.SSE_EXTENSION);
    }

    @Test
    void anEngineThatWritesItsOwnElementsGetsConnectsAttributesAndChecks() {
        PageStream stream = page(Dialect.HTMX_2);

        assertThat(stream.startConnect()).containsExactly(entry("hx-ext", "sse"),
                entry("sse-connect", "/.well-known/mercure?topic=chat%2F1&topic=notifications&lastEventID=abcdefgh%3A7"));
        assertThat(stream.regionAttributes(MESSAGES)).containsExactly(entry("id", "messages"),
                entry("sse-swap", "chat-message"), entry("hx-swap", "beforeend"));
        assertThat(stream.endConnect()).isEqualTo("<div sse-swap=\"presence,herald-snapshot\" hx-swap=\"none\" hidden></div>");

        assertThatThrownBy(stream::startConnect).hasMessageContaining("written twice");
        assertThatThrownBy(() -> stream.regionAttributes(MESSAGES)).hasMessageContaining("outside the connecting element");
        PageStream withoutRegion = page(Dialect.HTMX_2);
        withoutRegion.startConnect();
        assertThatThrownBy(withoutRegion::endConnect).hasMessageContaining("no region renders it");
        assertThatThrownBy(() -> page(Dialect.HTMX_2).endConnect()).hasMessageContaining("before it was started");
    }

    @Test
    void aStreamThatClosesOnAnEventWritesEachDialectsCloseAttribute() {
        PageStream two = page(Dialect.HTMX_2).closeOn(MESSAGES);
        PageStream four = page(Dialect.HTMX_4).closeOn(PRESENCE);

        assertThat(page(two, two.region(MESSAGES, Tag.of("ol"), out -> { })))
                .startsWith("<main class=\"page\" hx-ext=\"sse\" sse-connect=\"/.well-known/mercure?topic=chat%2F1"
                        + "&amp;topic=notifications&amp;lastEventID=abcdefgh%3A7\" sse-close=\"chat-message\">");
        assertThat(page(four, four.region(MESSAGES, Tag.of("ol"), out -> { })))
                .startsWith("<main class=\"page\" hx-sse:connect=\"/.well-known/mercure?topic=chat%2F1"
                        + "&amp;topic=notifications&amp;lastEventID=abcdefgh%3A7\" hx-swap=\"none\" hx-sse:close=\"presence\">");
        assertThatThrownBy(() -> page(Dialect.HTMX_2).closeOn(Contract.oob("done")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stream cannot close on done: the page does not declare it");
    }

    @Test
    void aResponseStreamWritesTheRegionsAndTheHandlerButNoConnection() {
        PageStream stream = htmx.response(Dialect.HTMX_4, "abcdefgh:7", List.of("chat/1"), List.of(MESSAGES, PRESENCE));

        String html = page(stream, stream.region(MESSAGES, Tag.of("ol"), out -> out.writeContent("<li>old</li>")));

        assertThat(html).isEqualTo("<main class=\"page\">"
                + "<ol id=\"messages\" data-herald-swap=\"chat-message\" hx-swap=\"beforeend\"><li>old</li></ol>"
                + "<div data-herald-swap=\"presence,herald-snapshot\" hx-swap=\"none\" hidden></div></main>");
        PageStream missing = htmx.response(Dialect.HTMX_4, "abcdefgh:7", List.of("chat/1"), List.of(MESSAGES));
        assertThatThrownBy(() -> page(missing, out -> { }))
                .hasMessageContaining("contract chat-message (#messages, beforeend) is declared but no region renders it");
        assertThatThrownBy(() -> stream.closeOn(MESSAGES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a response stream is closed by its requesting element: write hx-sse:close=\"chat-message\" on it");
        assertThatThrownBy(() -> htmx.response(Dialect.HTMX_2, "abcdefgh:7", List.of("chat/1"), List.of(MESSAGES)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a response stream needs htmx 4");
    }

    @Test
    void mistakeOneADeclaredRegionThatIsNotRenderedFailsTheRender() {
        PageStream stream = page(Dialect.HTMX_2);

        assertThatThrownBy(() -> page(stream, out -> out.writeContent("<div id=\"messages\"></div>")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contract chat-message (#messages, beforeend) is declared but no region renders it");
    }

    @Test
    void mistakeTwoARegionOutsideTheConnectingElementFailsTheRender() {
        PageStream stream = page(Dialect.HTMX_2);

        assertThatThrownBy(() -> write(stream.region(MESSAGES, Tag.of("ol"), out -> { })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("region #messages is written outside the connecting element");
        assertThatThrownBy(() -> Tag.of("main").attr("sse-swap", "x")).hasMessageContaining("written by Herald");
    }

    @Test
    void mistakeThreeOutOfBandEventsAreAlwaysCaught() {
        PageStream stream = htmx.page(Dialect.HTMX_2, "abcdefgh:7", List.of("t"), List.of(PRESENCE));

        assertThat(page(stream, out -> { })).contains("<div sse-swap=\"presence,herald-snapshot\" hx-swap=\"none\" hidden></div>");
    }

    @Test
    void undeclaredOrRepeatedRegionsAndTwoConnectionsAreRefused() {
        PageStream stream = page(Dialect.HTMX_2);
        Contract other = Contract.append("other", "other");

        assertThatThrownBy(() -> page(stream, stream.region(other, Tag.of("ol"), out -> { })))
                .hasMessageContaining("contract other is not declared by the page");
        PageStream twice = page(Dialect.HTMX_2);
        Content region = twice.region(MESSAGES, Tag.of("ol"), out -> { });
        assertThatThrownBy(() -> page(twice, out -> { region.writeTo(out); region.writeTo(out); }))
                .hasMessageContaining("region #messages is written twice");
        assertThatThrownBy(() -> htmx.page("abcdefgh:7", List.of("t"), List.of(MESSAGES, Contract.oob("chat-message"))))
                .hasMessageContaining("two contracts named chat-message");
    }

    @Test
    void inDevModePublishingAnEventNoRenderedPageDeclaresWarnsOnceNamingEventAndTopic() {
        page(Dialect.HTMX_2);

        htmx.publish("chat/1", MESSAGES.event("<li>declared</li>"));
        htmx.publish("chat/1", Contract.append("typo", "messages").event("<li>1</li>"));
        htmx.publish("chat/1", Contract.append("typo", "messages").event("<li>2</li>"));
        htmx.publish("elsewhere", MESSAGES.event("<li>3</li>"));

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("event \"typo\" published to topic \"chat/1\" is declared by no page");
        assertThat(warnings.get(1)).startsWith("event \"chat-message\" published to topic \"elsewhere\"");
    }

    @Test
    void outsideDevModeNothingIsRecordedOrWarned() {
        Htmx quiet = Htmx.builder(hub).build();

        quiet.publish("chat/1", Contract.append("typo", "messages").event("<li>1</li>"));

        assertThat(warnings).isEmpty();
    }
}
