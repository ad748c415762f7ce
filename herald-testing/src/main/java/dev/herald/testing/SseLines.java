package dev.herald.testing;

import dev.herald.sse.SseEvent;
import java.util.function.Consumer;

/**
 * Turns {@code text/event-stream} lines (WHATWG HTML §9.2.6) into what a test wants to see:
 * comments and retries as they come, messages at their blank line, each with its own id line.
 */
final class SseLines {

    private final Consumer<SseEvent> out;
    private String id;
    private String type;
    private StringBuilder data;

    SseLines(Consumer<SseEvent> out) {
        this.out = out;
    }

    void accept(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                out.accept(SseEvent.message(id, type, data.toString()));
            }
            id = null;
            type = null;
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            out.accept(SseEvent.comment(line.startsWith(": ") ? line.substring(2) : line.substring(1)));
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(" ", colon + 1) ? 2 : 1));
        switch (field) {
            case "id" -> id = value;
            case "event" -> type = value.isEmpty() ? null : value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            case "retry" -> out.accept(new SseEvent.Retry(Long.parseLong(value)));
            default -> { } // unknown fields are ignored (§9.2.6)
        }
    }
}
