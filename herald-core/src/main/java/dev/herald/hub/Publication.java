package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One event to publish ({@link Hub#publish(Publication)}), to one or more topics, with the
 * options Mercure's publish form has. Immutable: every method returns a changed copy.
 *
 * <pre>{@code
 * hub.publish(Publication.of(List.of("https://example.com/users/42"), SseEvent.message("<p>hi</p>"))
 *         .privately()
 *         .retry(Duration.ofSeconds(10)));
 * }</pre>
 */
public final class Publication {

    private final List<String> topics;
    private final SseEvent.Message message;
    private final boolean privately;
    private final Duration retry;
    private final String conflationKey;

    private Publication(List<String> topics, SseEvent.Message message, boolean privately, Duration retry,
                        String conflationKey) {
        this.topics = topics;
        this.message = message;
        this.privately = privately;
        this.retry = retry;
        this.conflationKey = conflationKey;
    }

    /**
     * {@code message} to each of {@code topics}: the first is the canonical topic, the others
     * alternate ones; a subscriber of several receives it once.
     *
     * @param message its id, if set, is the publisher's own: not empty, not starting with
     *                {@code #} (the hub's ids do), not {@code earliest}
     */
    public static Publication of(Collection<String> topics, SseEvent.Message message) {
        return new Publication(List.copyOf(topics), Objects.requireNonNull(message, "message"), false, null, null);
    }

    /** Delivered only to subscribers whose {@link PrivateAccess} covers one of the topics. */
    public Publication privately() {
        return new Publication(topics, message, true, retry, conflationKey);
    }

    /** Sends {@code retry:} with the event: the reconnection delay of every client that receives it. */
    public Publication retry(Duration delay) {
        SseEvent.retry(delay); // checks it
        return new Publication(topics, message, privately, delay, conflationKey);
    }

    /**
     * Replaces what an earlier event with the same key showed, such as the new content of one
     * element: see {@link Hub#publish(Collection, SseEvent.Message, String)}.
     */
    public Publication conflatingOn(String key) {
        return new Publication(topics, message, privately, retry, Objects.requireNonNull(key, "key"));
    }

    public List<String> topics() {
        return topics;
    }

    public SseEvent.Message message() {
        return message;
    }

    public boolean isPrivate() {
        return privately;
    }

    /** The reconnection delay sent with the event, or {@code null}. */
    public Duration retry() {
        return retry;
    }

    /** The conflation key, or {@code null}. */
    public String conflationKey() {
        return conflationKey;
    }
}
