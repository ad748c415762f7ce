package dev.herald.jetty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.hub.Replay;
import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The event that tells a client its history is gone ({@link Replay.Gap}): type
 * {@value #TYPE}, JSON data {@code {"reason":"expired","lastEventId":"…","topics":["a"]}}, and no
 * id, so the client's Last-Event-ID stays where it was. The reason is the {@link Replay.Reason} in
 * lower case with dashes: {@code unknown-id}, {@code earlier-epoch}, {@code expired}.
 */
final class ResetEvent {

    static final String TYPE = "herald-reset";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResetEvent() {
    }

    static byte[] encode(Replay.Gap gap) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", gap.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        data.put("lastEventId", gap.lastEventId());
        data.put("topics", new TreeSet<>(gap.topics()));
        try {
            return SseEncoder.encode(SseEvent.message(TYPE, JSON.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a map of strings as JSON", e);
        }
    }
}
