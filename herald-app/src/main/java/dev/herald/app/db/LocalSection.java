package dev.herald.app.db;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** A {@link Section} of one process: a read-write lock (SQLite's database has one node). */
final class LocalSection implements Section {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final String name;

    LocalSection(String name) {
        this.name = name;
    }

    @Override
    public <T> T read(Supplier<T> reading) {
        return holding(lock.readLock(), reading);
    }

    @Override
    public <T> T write(Supplier<T> writing) {
        return holding(lock.writeLock(), writing);
    }

    private <T> T holding(Lock held, Supplier<T> work) {
        try {
            if (!held.tryLock(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DatabaseException("the section " + name + " was not free within " + MAX_WAIT.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for the section " + name, e);
        }
        try {
            return work.get();
        } finally {
            held.unlock();
        }
    }

    @Override
    public String toString() {
        return "section " + name;
    }
}
