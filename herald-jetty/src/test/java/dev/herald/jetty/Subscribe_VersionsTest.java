package dev.herald.jetty;

import static dev.herald.jetty.TestServer.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One hub path, two protocol versions, chosen by the request's parameters. */
class Subscribe_VersionsTest {

    private final TestServer server = new TestServer(s -> s);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void matchSelectsTopicsExactlyAndStarSelectsAll() {
        try (SseRecorder exact = server.subscribe("match=a&match_exact=b");
             SseRecorder all = server.subscribe("match=*")) {
            server.hub.publish("a", SseEvent.message("to a"));
            server.hub.publish("c", SseEvent.message("to c"));
            server.hub.publish("b", SseEvent.message("to b"));

            assertThat(exact.nextMessage().data()).isEqualTo("to a");
            assertThat(exact.nextMessage().data()).isEqualTo("to b");
            assertThat(all.nextMessage().data()).isEqualTo("to a");
            assertThat(all.nextMessage().data()).isEqualTo("to c");
            assertThat(all.nextMessage().data()).isEqualTo("to b");
        }
    }

    @Test
    void matchUrlpatternSelectsTopicsByUrlPattern() {
        try (SseRecorder events = server.subscribe("match_urlpattern=" + encode("https://example.com/books/:id"))) {
            server.hub.publish("https://example.com/films/1", SseEvent.message("film"));
            server.hub.publish("https://example.com/books/1", SseEvent.message("book"));

            assertThat(events.nextMessage().data()).isEqualTo("book");
        }
    }

    @Test
    void topicUriTemplatesSelectTopicsInTheOlderProtocol() {
        try (SseRecorder events = server.subscribe("topic=" + encode("https://example.com/books/{id}"))) {
            server.hub.publish("https://example.com/films/1", SseEvent.message("film"));
            server.hub.publish("https://example.com/books/1", SseEvent.message("book"));

            assertThat(events.nextMessage().data()).isEqualTo("book");
        }
    }

    @Test
    void refusesMalformedSelectors() {
        assertRefused("match_urlpattern=" + encode("https://example.com/{a"),
                "match_urlpattern \"https://example.com/{a\" is not a URL pattern: a { without its } in \"/{a\"");
        assertRefused("topic=" + encode("https://example.com/{a"),
                "topic \"https://example.com/{a\" is not a URI template: a { without its }");
        assertRefused("match=" + encode("a\u0007"), "match value must not contain control or format characters (U+0007 at index 1)");
    }

    @Test
    void topicStarSelectsAllInTheOlderProtocol() {
        try (SseRecorder all = server.subscribe("topic=*")) {
            server.hub.publish("anything", SseEvent.message("x"));
            assertThat(all.nextMessage().data()).isEqualTo("x");
        }
    }

    @Test
    void version1ResumesAfterLastEventIdAndNamesItInMercureLastEventId() {
        String seen = server.hub.publish("a", SseEvent.message("a1"));
        server.hub.publish("a", SseEvent.message("a2"));
        try (SseRecorder events = server.subscribe("match=a&last_event_id=" + encode(seen))) {
            assertThat(events.response().headers().firstValue("Mercure-Last-Event-ID")).hasValue(seen);
            assertThat(events.response().headers().firstValue("Last-Event-ID")).isEmpty();
            assertThat(events.nextMessage().data()).isEqualTo("a2");
        }
    }

    @Test
    void theLastEventIdHeaderWinsOverTheQueryParameter() {
        String first = server.hub.publish("a", SseEvent.message("a1"));
        String second = server.hub.publish("a", SseEvent.message("a2"));
        server.hub.publish("a", SseEvent.message("a3"));
        try (SseRecorder events = server.subscribe("match=a&last_event_id=" + encode(first), "Last-Event-ID", second)) {
            assertThat(events.response().headers().firstValue("Mercure-Last-Event-ID")).hasValue(second);
            assertThat(events.nextMessage().data()).isEqualTo("a3");
        }
    }

    @Test
    void anUnknownOrEarliestIdIsAnsweredWithEarliest() {
        server.hub.publish("a", SseEvent.message("a1"));
        try (SseRecorder unknown = server.subscribe("match=a&last_event_id=nope");
             SseRecorder earliest = server.subscribe("match=a&last_event_id=earliest")) {
            assertThat(unknown.response().headers().firstValue("Mercure-Last-Event-ID")).hasValue("earliest");
            assertThat(earliest.response().headers().firstValue("Mercure-Last-Event-ID")).hasValue("earliest");
            assertThat(earliest.nextMessage().data()).isEqualTo("a1");
        }
    }

    @Test
    void version0NamesThePrecedingIdInLastEventId() {
        String seen = server.hub.publish("a", SseEvent.message("a1"));
        try (SseRecorder events = server.subscribe("topic=a&lastEventID=" + encode(seen))) {
            assertThat(events.response().headers().firstValue("Last-Event-ID")).hasValue(seen);
            assertThat(events.response().headers().firstValue("Mercure-Last-Event-ID")).isEmpty();
        }
    }

    @Test
    void noLastEventIdNoHeader() {
        try (SseRecorder events = server.subscribe("match=a")) {
            assertThat(events.response().headers().firstValue("Mercure-Last-Event-ID")).isEmpty();
        }
    }

    @Test
    void refusesAnUnknownMatcherParameter() {
        assertRefused("match=a&matchRegexp=.*", "unknown topic matcher parameter \"matchRegexp\": use match, match_exact or match_urlpattern");
        assertRefused("match_regexp=a", "unknown topic matcher parameter \"match_regexp\": use match, match_exact or match_urlpattern");
        assertRefused("MATCH=a", "unknown topic matcher parameter \"MATCH\": use match, match_exact or match_urlpattern");
    }

    @Test
    void refusesBothVersionsInOneRequest() {
        assertRefused("match=a&topic=b", "use match parameters (Mercure 1.0) or topic parameters (0.x), not both");
    }

    @Test
    void refusesNoMatcher() {
        assertRefused("last_event_id=x", "at least one match parameter is required");
    }

    private void assertRefused(String query, String reason) {
        HttpResponse<String> response = server.get(server.hub(query));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(reason + "\n");
    }
}
