package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * A published event as subscribers receive it: its id, topics, the message and the message's
 * wire bytes, encoded once at publish and shared by every subscriber.
 *
 * @param position the event's place in the hub's publish order (1, 2, 3, …)
 * @param topics   the topics it was published to
 * @param message  the message, with its id set
 * @param wire     the message encoded as UTF-8, ending in a blank line; shared by every subscriber,
 *                 so never modified (equality of two events is that of their positions in one hub
 *                 only when they are the same instance: the array is compared by reference)
 * @param conflationKey what the event replaces, or {@code null}: a live event still queued for a
 *                 subscriber that has fallen behind is dropped when a newer event with the same key
 *                 is queued (see {@link Hub#publish(java.util.Collection, SseEvent.Message, String)})
 * @param privately true if and only if only subscribers whose {@link PrivateAccess} covers one of
 *                 {@code topics} may receive it ({@link Publication#privately()})
 */
public record HubEvent(long position, Set<String> topics, SseEvent.Message message, byte[] wire, String conflationKey,
                       boolean privately) implements Delivery {

    /** A public event that is never conflated. */
    public HubEvent(long position, Set<String> topics, SseEvent.Message message, byte[] wire) {
        this(position, topics, message, wire, null, false);
    }

    /** A public event. */
    public HubEvent(long position, Set<String> topics, SseEvent.Message message, byte[] wire, String conflationKey) {
        this(position, topics, message, wire, conflationKey, false);
    }

    /**
     * The event at {@code position} of a hub in {@code epoch}, as subscribers receive it: {@code body}
     * (the message encoded), after an {@code id:} line when the hub assigns the id and a
     * {@code retry:} line when the publication has one (both fields of the same event, WHATWG HTML
     * §9.2.6).
     */
    static HubEvent encoded(String epoch, long position, Set<String> topics, Publication publication, byte[] body) {
        SseEvent.Message message = publication.message();
        StringBuilder head = new StringBuilder();
        Duration retry = publication.retry();
        if (retry != null) {
            head.append("retry: ").append(retry.toMillis()).append('\n');
        }
        if (message.id() == null) {
            message = message.withId(HubId.format(epoch, position));
            head.append("id: ").append(message.id()).append('\n');
        }
        byte[] wire = body;
        if (!head.isEmpty()) {
            byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
            wire = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, wire, 0, headBytes.length);
            System.arraycopy(body, 0, wire, headBytes.length, body.length);
        }
        return new HubEvent(position, topics, message, wire, publication.conflationKey(), publication.isPrivate());
    }

    /** The event id as the client sees it. */
    public String id() {
        return message.id();
    }

    /** The encoded bytes, read-only; an event ending in a blank line. */
    public ByteBuffer frame() {
        return ByteBuffer.wrap(wire).asReadOnlyBuffer();
    }

    /** Number of encoded bytes. */
    public int size() {
        return wire.length;
    }
}
