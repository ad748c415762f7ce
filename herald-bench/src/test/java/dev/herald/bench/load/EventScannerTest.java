package dev.herald.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventScannerTest {

    private final List<Long> sent = new ArrayList<>();
    private final List<Long> sequences = new ArrayList<>();
    private int comments;
    private final EventScanner scanner = new EventScanner(new EventScanner.Listener() {
        @Override
        public void onEvent(long sentMicros, long sequence) {
            sent.add(sentMicros);
            sequences.add(sequence);
        }

        @Override
        public void onComment() {
            comments++;
        }
    });

    private static final String STREAM = """
            retry: 3000

            :

            id: 7f3k2a1b:41
            data: 1234567 1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx

            id: 7f3k2a1b:42
            event: tick
            data:1234999 2\r
            \r
            """;

    @Test
    void reportsTheSendTimeAndSequenceOfEachEventTheLastIdAndHeartbeats() {
        feed(STREAM.getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(sent).containsExactly(1234567L, 1234999L);
        assertThat(sequences).containsExactly(1L, 2L);
        assertThat(comments).isEqualTo(1);
        assertThat(scanner.lastId()).isEqualTo("7f3k2a1b:42");
    }

    @Test
    void readsTheSameWhateverTheChunksAre() {
        for (int chunk = 1; chunk < 20; chunk++) {
            sent.clear();
            feed(STREAM.getBytes(StandardCharsets.UTF_8), chunk);

            assertThat(sent).as("chunks of %d bytes", chunk).containsExactly(1234567L, 1234999L);
        }
    }

    @Test
    void anEventWithASendTimeButNoSequenceNumberHasNone() {
        feed("data: 1234567\n\ndata: 1234568 x\n\n".getBytes(StandardCharsets.UTF_8), 100);

        assertThat(sent).containsExactly(1234567L, 1234568L);
        assertThat(sequences).containsExactly(EventScanner.NO_SEQUENCE, EventScanner.NO_SEQUENCE);
    }

    @Test
    void anEventWhoseDataHasNoSendTimeIsAHeartbeat() {
        feed("event: ping\ndata: \n\n".getBytes(StandardCharsets.UTF_8), 100);

        assertThat(sent).isEmpty();
        assertThat(comments).isEqualTo(1);
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        feed("id: 1\nevent: done\n\n".getBytes(StandardCharsets.UTF_8), 100);

        assertThat(sent).isEmpty();
        assertThat(scanner.lastId()).isEqualTo("1");
    }

    private void feed(byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length; i += chunk) {
            scanner.scan(bytes, i, Math.min(chunk, bytes.length - i));
        }
    }
}
