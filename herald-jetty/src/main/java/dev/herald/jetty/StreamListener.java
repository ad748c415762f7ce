package dev.herald.jetty;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Told when an SSE stream opens and when it ends, with the stream's topics and the cookies of its
 * request: what presence ("who has this room open") and per-client bookkeeping need.
 *
 * <p><b>Threading and order.</b> {@link #opened} runs on the request's virtual thread, after the
 * subscription is registered and before anything is written (so an event it publishes reaches this
 * stream too); {@link #closed} on a virtual thread of its own, after the subscription is closed,
 * exactly once per {@code opened}, however the stream ended. A client that vanished is noticed when
 * a write to it fails — on HTTP/1.1 the write after the one its kernel answered with a reset, so
 * within two heartbeats on a silent stream — and on HTTP/2 at once (see {@code docs/protocol.md}). A
 * reconnecting client is a new stream: the old one may close after the new one opened.
 * Implementations must be thread-safe, and may block briefly (take a lock, publish); an exception
 * they throw is logged and otherwise ignored.
 */
public interface StreamListener {

    /** A stream has started: its subscription is registered. */
    void opened(Stream stream);

    /** A stream has ended: its subscription is closed. */
    void closed(Stream stream);

    /**
     * One SSE stream.
     *
     * @param id      unique among the server's streams
     * @param topics  the subscribed topics
     * @param cookies the request's cookies by name (the first of a name)
     */
    record Stream(long id, Set<String> topics, Map<String, String> cookies) {
        public Stream {
            topics = Set.copyOf(topics);
            cookies = Map.copyOf(cookies);
        }

        /** The cookie's value, or {@code null}. */
        public String cookie(String name) {
            return cookies.get(Objects.requireNonNull(name, "name"));
        }
    }
}
