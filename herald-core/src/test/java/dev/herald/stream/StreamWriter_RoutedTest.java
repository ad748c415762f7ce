package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.SnapshotSource;
import dev.herald.sse.SseEvent;
import dev.herald.sse.SseParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A routed stream ({@link StreamPlan#withRoutes()}) names, in the first data line of every event, the
 * subscribed topics it belongs to and its hub position: what a browser sharing one stream among its
 * tabs needs to hand each tab only its own events, once.
 */
class StreamWriter_RoutedTest {

    private final ManualWriter writer = new ManualWriter();
    private final FakeSink sink = new FakeSink();

    @Test
    void anEventsRouteLineComesBeforeItsOwnFieldsAndBecomesTheFirstLineOfItsData() {
        writer.start(sink, StreamPlan.of(Set.of("chat/7", "notifications")).withRoutes(), null, () -> { });

        String id = writer.hub.publish("chat/7", SseEvent.message("chat-message", "<li>hi</li>\n<li>there</li>"));
        writer.run();

        assertThat(sink.last()).isEqualTo("""
                data: {"position":1,"topics":["chat/7"]}
                id: %s
                event: chat-message
                data: <li>hi</li>
                data: <li>there</li>

                """.formatted(id));
        assertThat(parse(sink.last())).containsExactly(
                id + " chat-message {\"position\":1,\"topics\":[\"chat/7\"]}\n<li>hi</li>\n<li>there</li>");
    }

    @Test
    void aTopicTheStreamDidNotSubscribeToIsNeverNamed() {
        writer.start(sink, StreamPlan.of(Set.of("chat/7")).withRoutes(), null, () -> { });

        writer.hub.publish(List.of("chat/7", "users/42/private"), SseEvent.message("both"));
        writer.run();

        assertThat(sink.last()).startsWith("data: {\"position\":1,\"topics\":[\"chat/7\"]}\n").doesNotContain("users/42");
    }

    @Test
    void everyRoutedStreamSharesTheEventsRoutedBytesWhenItSubscribedToAllItsTopics() {
        FakeSink other = new FakeSink();
        writer.start(sink, StreamPlan.of(Set.of("a", "b")).withRoutes(), null, () -> { });
        writer.start(other, StreamPlan.of(Set.of("b", "a")).withRoutes(), null, () -> { });

        writer.hub.publish(List.of("b", "a"), SseEvent.message("x"));
        writer.run();

        assertThat(sink.last()).startsWith("data: {\"position\":1,\"topics\":[\"a\",\"b\"]}\n").isEqualTo(other.last());
    }

    @Test
    void aStreamNotRoutedIsWrittenAsBefore() {
        writer.start(sink, StreamPlan.of(Set.of("a")), null, () -> { });

        String id = writer.hub.publish("a", SseEvent.message("plain"));
        writer.run();

        assertThat(sink.last()).isEqualTo("id: " + id + "\ndata: plain\n\n");
    }

    @Test
    void theFirstEventsAndTheHubsFinalEventAreForEveryPage() {
        writer.start(sink, new StreamPlan(Set.of("a"), List.of(SseEvent.message("skeleton")), Set.of(), null).withRoutes(),
                null, () -> { });
        writer.hub.shutdown(SseEvent.message("herald-shutdown", "server shutting down"));
        writer.run();

        assertThat(sink.writes).containsExactly("retry: 3000\n\ndata: {}\ndata: skeleton\n\n",
                "data: {}\nevent: herald-shutdown\ndata: server shutting down\n\n");
    }

    @Test
    void aSnapshotIsRoutedToItsTopicWithThePositionAndIdItWasReadAtAndAGapNoticeToTheLostTopics() {
        ManualWriter gaps = new ManualWriter(s -> s.snapshots(topic -> topic.equals("a")
                ? Optional.of(new SnapshotSource.Snapshot("#abcdefgh:0", List.of(SseEvent.message("snapshot", "state of a"))))
                : Optional.empty()));
        gaps.start(sink, StreamPlan.of(Set.of("a", "b")).withRoutes(), "unknown-id", () -> { });
        gaps.runBlocking();

        assertThat(sink.last()).isEqualTo("""
                data: {"position":0,"topics":["a"],"id":"#abcdefgh:0"}
                event: snapshot
                data: state of a

                data: {"topics":["b"]}
                event: gap
                data: [b]

                """);
    }

    @Test
    void aTopicsQuotesBackslashesControlAndNonAsciiCharactersAreEscapedSoTheLineIsAsciiJson() {
        assertThat(Routes.line(7L, List.of("a\"b\\c\nd\u00e9\ud83d\ude00")))
                .isEqualTo("data: {\"position\":7,\"topics\":[\"a\\\"b\\\\c\\u000ad\\u00e9\\ud83d\\ude00\"]}\n");
    }

    private static List<String> parse(String stream) {
        List<String> events = new ArrayList<>();
        SseParser parser = new SseParser(event -> events.add(event.lastEventId() + " " + event.type() + " " + event.data()));
        parser.feed(stream);
        return events;
    }
}
