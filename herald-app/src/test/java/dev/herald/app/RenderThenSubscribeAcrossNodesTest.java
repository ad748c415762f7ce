package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.chat.ChatContracts;
import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Render, then subscribe" across nodes (DESIGN.md §8.8): messages are posted on node A while node
 * B renders the room again and again. Each render's messages followed by its subscription from the
 * position it was rendered at must be every message exactly once, in order — a render that read
 * the rows and the position on either side of a write on the other node would lose or double one.
 */
class RenderThenSubscribeAcrossNodesTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("id=\"message-(\\d+)\"");
    private static final Pattern POSITION = Pattern.compile("lastEventID=([^&\"]+)");
    private static final int MESSAGES = 60;
    private static final int RENDERERS = 4;
    /** Renders at most: each is a stream of its own on B. */
    private static final int MAX_RENDERS = 150;

    @TempDir
    Path dir;
    @AutoClose
    private TwoNodes nodes;

    @BeforeEach
    void start() {
        nodes = TwoNodes.start(dir, Map.of());
    }

    @Test
    void everyRoomRenderedOnOneNodeWhileAnotherPostsThenItsStreamShowsEachMessageOnce() throws Exception {
        TestApp a = nodes.a();
        TestApp b = nodes.b();
        long room = a.createRoom("race");
        List<Future<List<Long>>> pages = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> posting = threads.submit(() -> {
                for (int i = 1; i <= MESSAGES; i++) {
                    a.say("ann", room, "message " + i);
                }
                return null;
            });
            List<Future<?>> renderers = new ArrayList<>();
            for (int r = 0; r < RENDERERS; r++) {
                renderers.add(threads.submit(() -> {
                    while (!posting.isDone()) {
                        String page = b.getAs("bob", "/chat/room?id=" + room).body();
                        synchronized (pages) {
                            if (pages.size() < MAX_RENDERS) {
                                pages.add(threads.submit(() -> renderedThenStreamed(b, room, page)));
                            }
                        }
                    }
                    return null;
                }));
            }
            posting.get();
            for (Future<?> renderer : renderers) {
                renderer.get();
            }
            List<Long> all = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
            assertThat(pages).as("renders while messages were posted").hasSizeGreaterThan(RENDERERS * 5);
            for (Future<List<Long>> page : pages) {
                assertThat(page.get()).as("a page rendered on B, then its stream").containsExactlyElementsOf(all);
            }
        }
    }

    /** The ids the page shows, then those its stream brings from its position up to the last message. */
    private static List<Long> renderedThenStreamed(TestApp node, long room, String page) {
        List<Long> ids = new ArrayList<>(ids(page));
        Matcher position = POSITION.matcher(page);
        assertThat(position.find()).as("the page's position").isTrue();
        URI uri = node.uri("/.well-known/mercure?topic=" + URLEncoder.encode(ChatContracts.roomTopic(room), StandardCharsets.UTF_8)
                + "&lastEventID=" + position.group(1));
        try (SseRecorder stream = SseRecorder.connect(node.client(), uri)) {
            while (ids.isEmpty() || ids.getLast() < MESSAGES) {
                SseEvent.Message next = stream.nextMessage();
                assertThat(next.type()).isEqualTo("chat-message");
                ids.addAll(ids(next.data()));
            }
        }
        return ids;
    }

    private static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
