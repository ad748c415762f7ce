package dev.herald.htmx;

import dev.herald.sse.SseEvent;
import java.util.Objects;

/**
 * An event built from a {@link Contract}, ready to publish with {@link Htmx#publish}.
 *
 * @param type          the SSE event type, the contract's name
 * @param data          the HTML the page swaps
 * @param conflationKey what the event replaces when every part of it replaces its target (then a
 *                      connection that has fallen behind may skip an older one), else {@code null}
 */
public record HtmxEvent(String type, String data, String conflationKey) {

    public HtmxEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** The SSE message: {@code event: <type>}, the data as {@code data:} lines. */
    public SseEvent.Message message() {
        return SseEvent.message(type, data);
    }
}
