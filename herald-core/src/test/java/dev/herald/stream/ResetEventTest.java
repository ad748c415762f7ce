package dev.herald.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Replay;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResetEventTest {

    private static String encode(Replay.Reason reason, String lastEventId, Set<String> topics) {
        return new String(ResetEvent.encode(new Replay.Gap(reason, lastEventId, topics, List.of())), StandardCharsets.UTF_8);
    }

    @Test
    void namesTheReasonTheIdAndTheSortedTopicsAsJson() {
        assertThat(encode(Replay.Reason.EARLIER_EPOCH, "abc:7", Set.of("b", "a"))).isEqualTo("""
                event: herald-reset
                data: {"reason":"earlier-epoch","lastEventId":"abc:7","topics":["a","b"]}

                """);
    }

    @Test
    void escapesWhatJsonStringsCannotHoldAndWritesNoIdAsNull() {
        assertThat(encode(Replay.Reason.UNKNOWN_ID, "q\"\\\t\u0001é", Set.of("a/b"))).contains(
                "{\"reason\":\"unknown-id\",\"lastEventId\":\"q\\\"\\\\\\t\\u0001é\",\"topics\":[\"a/b\"]}");
        assertThat(encode(Replay.Reason.EXPIRED, null, Set.of("t"))).contains("\"lastEventId\":null");
    }
}
