package dev.herald.app.agent.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stops a run from another thread: {@link #cancel()} closes whatever the run registered (the
 * provider's open stream, so a blocked read returns at once) and marks the run cancelled. A
 * resource registered after the cancel is closed on registration. Thread-safe.
 */
public final class Cancellation {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private boolean cancelled;

    /** Cancels; idempotent. Failures to close are ignored: the resource is being abandoned. */
    public void cancel() {
        List<AutoCloseable> toClose;
        lock.lock();
        try {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toClose = List.copyOf(resources);
            resources.clear();
        } finally {
            lock.unlock();
        }
        toClose.forEach(Cancellation::closeQuietly);
    }

    /** True if and only if {@link #cancel()} was called. */
    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** Throws {@link AgentException.Kind#CANCELLED} when cancelled: call between steps of a run. */
    public void check() {
        if (isCancelled()) {
            throw cancelledException();
        }
    }

    /**
     * Closes {@code resource} on {@link #cancel()} (at once if already cancelled) until the returned
     * registration is closed: use it in try-with-resources around the resource's use.
     */
    public Registration closeOnCancel(AutoCloseable resource) {
        lock.lock();
        try {
            if (!cancelled) {
                resources.add(resource);
                return () -> forget(resource);
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(resource);
        return () -> { };
    }

    /** Ends a {@link #closeOnCancel} registration (without closing the resource). */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The exception a run ends with when it notices it was cancelled. */
    public static AgentException cancelledException() {
        return new AgentException(AgentException.Kind.CANCELLED, "The run was cancelled.");
    }

    private void forget(AutoCloseable resource) {
        lock.lock();
        try {
            resources.remove(resource);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // abandoned on purpose: the run is being stopped
        }
    }
}
