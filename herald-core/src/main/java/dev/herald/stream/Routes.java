package dev.herald.stream;

import dev.herald.hub.HubEvent;
import dev.herald.hub.SnapshotSource;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The route lines of routed streams ({@link StreamPlan#withRoutes()}): one {@code data:} line holding a
 * JSON object, written before an event's own fields, so it becomes the first line of the event's
 * data. An event's routed bytes are made once and shared by every routed stream that subscribed to
 * all of its topics, through a small cache of recent events. Thread-safe.
 */
final class Routes {

    /** Recent events by position; a power of two, so a slot is found by masking. */
    private static final int SLOTS = 256;
    /**
     * Events larger than this are routed per stream, uncached: the cache then holds at most
     * {@code SLOTS} × 16 KiB = 4 MiB of copies.
     */
    private static final int MAX_CACHED_BYTES = 16 * 1024;
    private static final String EVERY_PAGE = "data: {}\n";

    private record Routed(HubEvent event, byte[] bytes) {
    }

    private final AtomicReferenceArray<Routed> recent = new AtomicReferenceArray<>(SLOTS);

    /**
     * {@code event}'s bytes with its route line: its topics and position. Only the topics of
     * {@code subscribed} are named — an event published to a topic the stream did not subscribe to
     * (a private one, say) must not reveal it — so such an event is routed for this stream alone.
     */
    byte[] of(HubEvent event, Set<String> subscribed) {
        if (!subscribed.containsAll(event.topics())) {
            Set<String> named = new TreeSet<>(event.topics());
            named.retainAll(subscribed);
            return prefixed(line(event.position(), named), event.wire());
        }
        if (event.size() > MAX_CACHED_BYTES) {
            return prefixed(line(event.position(), event.topics()), event.wire());
        }
        int slot = (int) event.position() & (SLOTS - 1);
        Routed cached = recent.get(slot);
        if (cached != null && cached.event() == event) {
            return cached.bytes();
        }
        byte[] bytes = prefixed(line(event.position(), event.topics()), event.wire());
        recent.set(slot, new Routed(event, bytes)); // a race writes equal bytes twice: harmless
        return bytes;
    }

    /**
     * A snapshot of {@code topic}'s state: only that topic's pages take it. Its route names the hub
     * position it was read at, as a number and as the hub id (the snapshot has no id of its own, and
     * a client compares positions only within one life of the hub: the id's epoch).
     */
    static byte[] snapshot(String topic, SnapshotSource.Snapshot snapshot, byte[] event) {
        String line = line(snapshot.sequence(), Set.of(topic));
        StringBuilder withId = new StringBuilder(line.length() + 48).append(line, 0, line.length() - 2).append(",\"id\":");
        quote(withId, snapshot.position());
        return prefixed(withId.append("}\n").toString(), event);
    }

    /** An event of no position, for the pages of {@code topics} (a gap notice). */
    static byte[] toTopics(Collection<String> topics, byte[] event) {
        return prefixed(line(null, topics), event);
    }

    /** An event for every page of the stream (the first events, the hub's final event). */
    static byte[] toEveryPage(byte[] event) {
        return prefixed(EVERY_PAGE, event);
    }

    /**
     * {@code data: {"position":42,"topics":["a","b"]}} and a line feed; topics sorted, every
     * character outside printable ASCII escaped, so the line is ASCII and cannot end early.
     */
    static String line(Long position, Collection<String> topics) {
        StringBuilder out = new StringBuilder(32 + 16 * topics.size()).append("data: {");
        if (position != null) {
            out.append("\"position\":").append(position.longValue()).append(',');
        }
        out.append("\"topics\":[");
        boolean first = true;
        for (String topic : new TreeSet<>(topics)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, topic);
        }
        return out.append("]}\n").toString();
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static byte[] prefixed(String line, byte[] event) {
        byte[] head = line.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + event.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(event, 0, out, head.length, event.length);
        return out;
    }
}
