package dev.herald.hub;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules every hub applies to a last event id: where its replay starts (or that it is a gap at
 * once), and how the events read from the logs become the {@link Replay}.
 *
 * @param after the position after which to replay (0 for {@value Hub#EARLIEST}: all that is held)
 * @param gap   the gap to report without reading any log, or {@code null}
 */
record Resume(long after, Replay.Gap gap) {

    /**
     * @param epoch       the hub's epoch now
     * @param position    the hub's newest position now
     * @param earliestHeld the position of the earliest event still held with a publisher's id
     * @param topics      the topics the gap names, if it is one
     */
    static Resume from(String lastEventId, String epoch, long position, Function<String, OptionalLong> earliestHeld,
                       Set<String> topics) {
        if (Hub.EARLIEST.equals(lastEventId)) {
            return new Resume(0, null);
        }
        if (HubId.isReserved(lastEventId)) {
            if (!HubId.hasShape(lastEventId)) {
                return gap(Replay.Reason.UNKNOWN_ID, lastEventId, topics);
            }
            if (!HubId.epochOf(lastEventId).equals(epoch)) {
                return gap(Replay.Reason.EARLIER_EPOCH, lastEventId, topics);
            }
            long after = HubId.positionOf(lastEventId);
            return after > position ? gap(Replay.Reason.UNKNOWN_ID, lastEventId, topics) : new Resume(after, null);
        }
        OptionalLong indexed = earliestHeld.apply(lastEventId);
        return indexed.isEmpty() ? gap(Replay.Reason.UNKNOWN_ID, lastEventId, topics) : new Resume(indexed.getAsLong(), null);
    }

    private static Resume gap(Replay.Reason reason, String lastEventId, Set<String> topics) {
        return new Resume(-1, new Replay.Gap(reason, lastEventId, topics, List.of()));
    }

    /**
     * The replay of {@code events} read after {@link #after} from several topics' logs (in each
     * log's order): merged by position, each event once, only those {@code interest} may receive
     * now (Mercure: "Authorization on Event Replay"); a gap for the {@code lost} topics, which
     * dropped events after the position — never reported when replaying all that is held.
     */
    Replay replay(String lastEventId, Interest interest, List<HubEvent> events, Set<String> lost) {
        events.sort((a, b) -> Long.compare(a.position(), b.position()));
        dropRepeats(events);
        events.removeIf(e -> !interest.receives(e));
        return lost.isEmpty() || after == 0
                ? new Replay.Exact(events)
                : new Replay.Gap(Replay.Reason.EXPIRED, lastEventId, lost, events);
    }

    /** In a list sorted by position, keeps one of each event published to several topics. */
    private static void dropRepeats(List<HubEvent> sorted) {
        int kept = 0;
        for (HubEvent e : sorted) {
            if (kept == 0 || sorted.get(kept - 1).position() != e.position()) {
                sorted.set(kept++, e);
            }
        }
        sorted.subList(kept, sorted.size()).clear();
    }
}
