package dev.herald.hub;

import java.util.List;
import java.util.function.Consumer;

/**
 * One topic's history: the newest events in publish order, bounded by count and by encoded bytes
 * so that a busy topic cannot exhaust memory. A ring whose capacity is a power of two, slots found
 * by masking; it starts small and doubles up to its bound, so a quiet topic costs little.
 *
 * <p>Not thread-safe: the hub calls it under its lock.
 */
final class RingEventLog {

    private static final int INITIAL_SLOTS = 16;

    private final int maxEvents;
    private final long maxBytes;
    private HubEvent[] slots;
    private long first; // sequence number of the oldest held event
    private long next; // sequence number the next append takes
    private long bytes;
    private long lastEvictedPosition;

    RingEventLog(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents == 1 ? 1 : Integer.highestOneBit(maxEvents - 1) << 1;
        this.maxBytes = maxBytes;
        this.slots = new HubEvent[Math.min(INITIAL_SLOTS, this.maxEvents)];
    }

    int capacity() {
        return maxEvents;
    }

    int size() {
        return (int) (next - first);
    }

    long bytes() {
        return bytes;
    }

    /** Position of the newest event this log has dropped; 0 if it has dropped none. */
    long lastEvictedPosition() {
        return lastEvictedPosition;
    }

    /**
     * Appends an event whose position is above every held one, first dropping the oldest events
     * as the bounds require; each dropped event is passed to {@code onEvict}. An event larger than
     * the byte bound on its own is still kept, alone: the log never refuses the newest event.
     */
    void append(HubEvent event, Consumer<HubEvent> onEvict) {
        while (size() > 0 && (size() == maxEvents || bytes + event.size() > maxBytes)) {
            onEvict.accept(evictOldest());
        }
        if (size() == slots.length) {
            grow();
        }
        slots[index(next++)] = event;
        bytes += event.size();
    }

    /** Adds to {@code out}, in order, every held event with a position above {@code position}. */
    void addEventsAfter(long position, List<HubEvent> out) {
        for (long s = firstAfter(position); s < next; s++) {
            out.add(slots[index(s)]);
        }
    }

    /** True if and only if the event at {@code position} is held. */
    boolean holds(long position) {
        long s = firstAfter(position - 1);
        return s < next && slots[index(s)].position() == position;
    }

    private HubEvent evictOldest() {
        int i = index(first++);
        HubEvent evicted = slots[i];
        slots[i] = null;
        bytes -= evicted.size();
        lastEvictedPosition = evicted.position();
        return evicted;
    }

    /** Sequence number of the oldest held event with a position above {@code position}. */
    private long firstAfter(long position) {
        long lo = first;
        long hi = next;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (slots[index(mid)].position() <= position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void grow() {
        HubEvent[] larger = new HubEvent[Math.min(slots.length * 2, maxEvents)];
        for (long s = first; s < next; s++) {
            larger[(int) (s & (larger.length - 1))] = slots[index(s)];
        }
        slots = larger;
    }

    private int index(long sequence) {
        return (int) (sequence & (slots.length - 1));
    }
}
