package dev.herald.stream;

import dev.herald.hub.Replay;
import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The event that tells a client its history is gone ({@link Replay.Gap}): type
 * {@value #TYPE}, JSON data {@code {"reason":"expired","lastEventId":"…","topics":["a"]}}, and no
 * id, so the client's Last-Event-ID stays where it was. The reason is the {@link Replay.Reason} in
 * lower case with dashes: {@code unknown-id}, {@code earlier-epoch}, {@code expired}. Herald's
 * bindings give {@link #encode} to {@link StreamWriter#builder}.
 */
public final class ResetEvent {

    public static final String TYPE = "herald-reset";

    private ResetEvent() {
    }

    /** The whole event, encoded. */
    public static byte[] encode(Replay.Gap gap) {
        StringBuilder json = new StringBuilder("{\"reason\":");
        string(json, gap.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.append(",\"lastEventId\":");
        string(json, gap.lastEventId());
        json.append(",\"topics\":[");
        String separator = "";
        for (String topic : new TreeSet<>(gap.topics())) {
            json.append(separator);
            string(json, topic);
            separator = ",";
        }
        return SseEncoder.encode(SseEvent.message(TYPE, json.append("]}").toString()));
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped; {@code null} as null. */
    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
