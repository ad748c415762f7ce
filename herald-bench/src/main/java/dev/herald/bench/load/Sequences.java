package dev.herald.bench.load;

import java.util.BitSet;
import java.util.List;

/**
 * Which of the publisher's sequence numbers one subscriber received, from a first one on: what tells
 * an event lost (never received) from one received twice. Publishes pipelined on several
 * connections may be taken out of order, so order is not what is checked, the set is. One bit per
 * sequence number since the first.
 */
final class Sequences {

    private final long first;
    private final BitSet seen = new BitSet();
    private long twice;

    Sequences(long first) {
        this.first = first;
    }

    /**
     * Notes {@code sequence}; false if and only if it had been received already. Numbers before the
     * first (an earlier phase) and {@link EventScanner#NO_SEQUENCE} are taken as new and not noted.
     */
    boolean add(long sequence) {
        if (sequence < first) {
            return true;
        }
        int bit = Math.toIntExact(sequence - first);
        if (seen.get(bit)) {
            twice++;
            return false;
        }
        seen.set(bit);
        return true;
    }

    /** Sequence numbers from the first to {@code last} (inclusive) never received. */
    long missing(long last) {
        long expected = last - first + 1;
        return expected <= 0 ? 0 : expected - seen.get(0, Math.toIntExact(expected)).cardinality();
    }

    /** Events received again after their first copy. */
    long twice() {
        return twice;
    }

    /**
     * Over several subscribers: events never received and events received twice.
     *
     * @param missing sequence numbers a subscriber never received, summed
     * @param twice   second copies received, summed
     */
    record Totals(long missing, long twice) {

        /** Of {@code connections} whose sequences are tracked, up to {@code last}. */
        static Totals of(List<Connection> connections, long last) {
            long missing = 0;
            long twice = 0;
            for (Connection connection : connections) {
                Sequences sequences = connection.sequences();
                if (sequences != null) {
                    missing += sequences.missing(last);
                    twice += sequences.twice();
                }
            }
            return new Totals(missing, twice);
        }

        Totals plus(Totals other) {
            return new Totals(missing + other.missing, twice + other.twice);
        }
    }
}
