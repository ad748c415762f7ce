package dev.herald.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkedBodyTest {

    private final List<Long> sent = new ArrayList<>();
    private final ChunkedBody body = new ChunkedBody(new EventScanner(new EventScanner.Listener() {
        @Override
        public void onEvent(long sentMicros, long sequence) {
            sent.add(sentMicros);
        }

        @Override
        public void onComment() {
        }
    }));

    @Test
    void passesTheChunksDataOnWhereverTheReadsSplitIt() {
        byte[] wire = ("f\r\ndata: 11 x\n\ndat\r\n"   // one event, then the start of the next
                + "6;ext=1\r\na: 22\n\r\n"             // a chunk extension
                + "1\r\n\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int split = 1; split < wire.length; split++) {
            sent.clear();
            body.restart();

            assertThat(body.read(wire, 0, split)).isTrue();
            assertThat(body.read(wire, split, wire.length - split)).isTrue();
            assertThat(sent).as("split at %d", split).containsExactly(11L, 22L);
        }
    }

    @Test
    void theLastChunkEndsTheBody() {
        byte[] wire = "5\r\n: hi\n\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(body.read(wire, 0, wire.length)).isFalse();
    }

    @Test
    void aSizeThatIsNotHexEndsTheBody() {
        assertThat(body.read("zz\r\n".getBytes(StandardCharsets.US_ASCII), 0, 4)).isFalse();
    }
}
