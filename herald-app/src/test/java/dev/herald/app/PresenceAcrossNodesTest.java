package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.chat.ChatContracts;
import dev.herald.sse.SseEvent;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat room's presence with two nodes: it lists the users whose pages are open on either node, and
 * a node that dies without its shutdown leaves no ghost for longer than the presence grace (the node
 * timeout being no longer than it, as by default).
 */
class PresenceAcrossNodesTest {

    private static final Duration GRACE = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    @AutoClose
    private TwoNodes nodes;
    private TestApp a;
    private TestApp b;
    private long room;

    @BeforeEach
    void start() {
        nodes = TwoNodes.start(dir, Map.of(
                "HERALD_PRESENCE_GRACE_MILLIS", Long.toString(GRACE.toMillis()),
                "HERALD_NODE_TIMEOUT_MILLIS", Long.toString(GRACE.toMillis())));
        a = nodes.a();
        b = nodes.b();
        room = a.createRoom("lobby");
    }

    @Test
    void aRoomListsTheUsersWhosePagesAreOpenOnEitherNode() {
        try (SseRecorder ann = presence(a, "ann"); SseRecorder bob = presence(b, "bob")) {
            assertThat(ann.response().statusCode()).isEqualTo(bob.response().statusCode()).isEqualTo(200);
            for (TestApp node : new TestApp[] {a, b}) {
                Await.until("both listed on " + node.uri("/"), () -> listed(node).contains("<li class=\"present\">ann</li>")
                        && listed(node).contains("<li class=\"present\">bob</li>"));
            }
        }
    }

    @Test
    void theUsersOfANodeKilledLeaveWithinThePresenceGrace() {
        try (SseRecorder bob = presence(b, "bob"); SseRecorder ann = presence(a, "ann")) {
            assertThat(ann.response().statusCode()).isEqualTo(200);
            SseEvent.Message update = nextPresence(bob);
            while (!update.data().contains(">ann<")) {
                update = nextPresence(bob); // bob's own join first, then ann's
            }

            long killedAt = System.nanoTime();
            a.kill();

            do {
                update = nextPresence(bob);
            } while (update.data().contains(">ann<"));
            Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(update.data()).contains("<li class=\"present\">bob</li>");
            assertThat(took).as("from the kill to ann's leave on bob's page").isLessThan(GRACE.plusSeconds(1));
            assertThat(listed(b)).doesNotContain(">ann<");
        }
    }

    /** The next presence list the stream receives. */
    private static SseEvent.Message nextPresence(SseRecorder stream) {
        SseEvent.Message message;
        do {
            message = stream.nextMessage();
        } while (!ChatContracts.PRESENCE.name().equals(message.type()));
        return message;
    }

    /** A stream of {@code user} on the room's presence topic, as a room page opens it, on {@code node}. */
    private SseRecorder presence(TestApp node, String user) {
        String topic = URLEncoder.encode(ChatContracts.presenceTopic(room), StandardCharsets.UTF_8);
        return SseRecorder.connect(node.client(), node.uri("/.well-known/mercure?topic=" + topic), "Cookie", "herald-user=" + user);
    }

    /** The room's page as a third user sees it on {@code node}. */
    private String listed(TestApp node) {
        return node.getAs("carol", "/chat/room?id=" + room).body();
    }
}
