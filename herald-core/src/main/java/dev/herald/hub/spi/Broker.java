package dev.herald.hub.spi;

import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Publication;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The shared log under a hub that spans several nodes: what a broker (such as Redis Streams)
 * implements so that {@code Hub.builder().broker(broker)} works on it. Every node appends to the
 * same log and tails it; the hub above fans each entry out to its own subscribers.
 *
 * <p><b>Positions</b> are global: each appended entry takes the next position of the whole log
 * (1, 2, 3, …), whatever its topics, so a position names one place in the log on every node and
 * replay across topics is a merge by position.
 *
 * <p><b>Epoch.</b> The log's identity: a string of eight characters {@code [0-9a-z]} that changes
 * when the log lost its data (a server restarted empty). Positions of one epoch mean nothing in
 * another.
 *
 * <p><b>Bounds.</b> A broker keeps a bounded history per topic (count and bytes, as the hub's builder
 * says); {@link #read} reports a topic that dropped entries after the position asked for.
 *
 * <p><b>Failure.</b> Every method may throw {@link HubUnavailableException} when the log cannot be
 * reached; nothing was appended then. Implementations are thread-safe.
 */
public interface Broker extends AutoCloseable {

    /**
     * Appends {@code publication} to its topics at the next position, atomically: every node sees
     * it at that position on each of the topics, or nobody sees it. Everything the publication
     * carries comes back in the entry (message, private flag, retry, conflation key).
     *
     * @param publication checked by the hub: topics valid, the message's id (if any) the
     *                    publisher's own, to index for {@link #find}
     * @return the entry as appended, with its position and the epoch it was appended in
     */
    Entry append(Publication publication);

    /** The epoch and the position of the newest entry (0 when the log is empty), read together. */
    Position position();

    /**
     * The position of the earliest entry that carried publisher id {@code id} (ids may repeat),
     * if the log still indexes it, in the current epoch.
     */
    OptionalLong find(String id);

    /** Every topic the log keeps entries of (a subscription with selectors replays from those it covers). */
    Set<String> topics();

    /**
     * The entries of {@code topics} with a position above {@code after} and at most {@code upTo},
     * in position order, each once; and the topics that dropped entries above {@code after}, whose
     * entries are then left out — unless {@code after} is 0, a read of all that is held.
     */
    History read(Set<String> topics, long after, long upTo);

    /**
     * Starts delivering every entry appended after {@code from}, by any node, to {@code listener},
     * in position order, on a thread of the broker's. Reconnects by itself when the log is
     * unreachable, and tells the listener so. Closing the returned handle stops the delivery.
     */
    AutoCloseable tail(Position from, Listener listener);

    /** Releases the broker's connections. */
    @Override
    void close();

    /** What a {@link #tail} tells its listener; calls arrive one at a time, on the tail's thread. */
    interface Listener {

        /** The next entry of the log. */
        void onEntry(Entry entry);

        /**
         * The log lost its data (a new epoch) or the tail missed entries it can no longer read;
         * entries resume after {@code from}.
         *
         * @param from where the tail resumes: the new epoch's position, or the old one past the
         *             entries missed
         */
        void onLost(Position from);

        /** The log cannot be reached; the tail keeps trying, and calls {@link #onAvailable} when it can. */
        void onUnavailable(HubUnavailableException cause);

        /** The log can be reached again (after {@link #onUnavailable}). */
        void onAvailable();
    }

    /**
     * A place in the log.
     *
     * @param epoch    the log's identity, eight characters {@code [0-9a-z]}
     * @param sequence the position, 0 before the first entry
     */
    record Position(String epoch, long sequence) {
        public Position {
            Objects.requireNonNull(epoch, "epoch");
            if (!epoch.matches("[0-9a-z]{8}")) {
                throw new IllegalArgumentException("epoch \"" + epoch + "\" is not eight characters [0-9a-z]");
            }
            if (sequence < 0) {
                throw new IllegalArgumentException("position is negative: " + sequence);
            }
        }
    }

    /**
     * One appended event.
     *
     * @param epoch       the epoch it was appended in
     * @param position    its place in the log
     * @param publication what was published: topics, message (with its publisher's id or none),
     *                    private flag, retry, conflation key
     */
    record Entry(String epoch, long position, Publication publication) {
        public Entry {
            Objects.requireNonNull(epoch, "epoch");
            Objects.requireNonNull(publication, "publication");
        }
    }

    /**
     * What {@link #read} found.
     *
     * @param epoch   the epoch the entries belong to (a caller that expected another has a gap)
     * @param entries the entries, in position order
     * @param lost    the topics that dropped entries after the position asked for
     */
    record History(String epoch, List<Entry> entries, Set<String> lost) {
        public History {
            entries = List.copyOf(entries);
            lost = Set.copyOf(lost);
        }
    }
}
