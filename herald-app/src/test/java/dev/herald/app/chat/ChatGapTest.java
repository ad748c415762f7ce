package dev.herald.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.TestApp;
import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gap re-render against the race it must survive: clients whose history is gone reconnect while
 * messages are being posted. Each one's snapshot followed by its live events must be every message
 * exactly once, in order — a snapshot read at the wrong position would double or lose some.
 */
class ChatGapTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("id=\"message-(\\d+)\"");
    private static final Pattern POSITION = Pattern.compile("lastEventID=%23([0-9a-z]{8})%3A(\\d+)");
    private static final int MESSAGES = 60;

    @TempDir
    Path dataDir;
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(dataDir, Map.of("HERALD_TOPIC_LOG_EVENTS", "4"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void clientsReconnectingAcrossAGapWhileMessagesArePostedSeeEachMessageExactlyOnce() throws Exception {
        long room = app.createRoom("busy");
        String position = renderedPosition(room);
        for (int i = 1; i <= 5; i++) {
            app.say("ann", room, "early " + i); // the log keeps 4: the rendered position is now a gap
        }
        List<List<Long>> seen = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> posting = threads.submit(() -> {
                for (int i = 6; i <= MESSAGES; i++) {
                    app.say("ann", room, "late " + i);
                }
                return null;
            });
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                clients.add(threads.submit(() -> snapshotThenLive(room, position)));
                Thread.sleep(5); // spread the reconnects over the posting
            }
            posting.get();
            for (Future<List<Long>> client : clients) {
                seen.add(client.get());
            }
        }
        List<Long> all = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
        for (List<Long> ids : seen) {
            assertThat(ids).as("snapshot then live events of one client").containsExactlyElementsOf(all);
        }
    }

    /** Subscribes with {@code lastEventId}, expects a re-render, then reads until the last message. */
    private List<Long> snapshotThenLive(long room, String lastEventId) {
        URI uri = app.uri("/.well-known/mercure?topic=" + ChatContracts.roomTopic(room).replace("/", "%2F"));
        List<Long> ids = new ArrayList<>();
        try (SseRecorder events = SseRecorder.connect(app.client(), uri, "Last-Event-ID", lastEventId)) {
            SseEvent.Message first = events.nextMessage();
            assertThat(first.type()).as("the first event after a gap").isEqualTo("herald-snapshot");
            ids.addAll(messageIds(first.data()));
            while (ids.isEmpty() || ids.getLast() < MESSAGES) {
                SseEvent.Message next = events.nextMessage();
                assertThat(next.type()).isEqualTo("chat-message");
                ids.addAll(messageIds(next.data()));
            }
        }
        return ids;
    }

    private String renderedPosition(long room) {
        Matcher m = POSITION.matcher(app.getAs("ann", "/chat/room?id=" + room).body());
        assertThat(m.find()).isTrue();
        return "#" + m.group(1) + ":" + m.group(2);
    }

    private static List<Long> messageIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
