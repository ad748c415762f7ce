package dev.herald.app.db;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Orders a feature's changes against its renders, on every node that shares the database — how
 * "render, then subscribe" stays exact (DESIGN.md §8.8) with several nodes.
 *
 * <p>A change writes its rows and publishes its events inside {@link #write}; a page (or a gap
 * re-render) reads the hub position and the rows inside {@link #read}. Writes exclude each other
 * and every read; reads run side by side, as they change nothing. So every event after the
 * position a read saw belongs to a change its rows do not show, and every change they show has its
 * events at or before that position: subscribing from it, a page loses nothing and shows nothing
 * twice. Writes in turn also keep the events in the order of the changes.
 *
 * <p>On SQLite (one node) a section is an in-process read-write lock. On PostgreSQL it is a
 * transaction-level advisory lock keyed by the schema and the section's name — shared for reads,
 * exclusive for writes: the section's work runs in one transaction, which the units of work it
 * runs ({@link Database#transaction}) join, and the lock goes with its commit, once its rows are
 * visible to every node. A section waits at most {@link #MAX_WAIT} for the lock, then throws
 * {@link DatabaseException}.
 *
 * <p>Reentrant on a thread: a read or a write inside a write is part of it. A write inside a read
 * is not allowed (two readers upgrading would wait for each other).
 */
public interface Section {

    /** The longest a section waits for another node's (or thread's) section to end. */
    Duration MAX_WAIT = Duration.ofSeconds(10);

    /** Runs {@code reading} with no write in progress on any node; returns what it returns. */
    <T> T read(Supplier<T> reading);

    /** Runs {@code writing} alone on every node; returns what it returns. */
    <T> T write(Supplier<T> writing);

    /** {@link #write(Supplier)} for work with no result. */
    default void write(Runnable writing) {
        write(() -> {
            writing.run();
            return null;
        });
    }
}
