package dev.herald.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that becomes true on another thread, such as a count dropping. */
public final class Await {

    private Await() {
    }

    /**
     * Returns as soon as {@code condition} holds; fails with {@code what} after
     * {@link SseRecorder#TIMEOUT}, an upper bound only.
     */
    public static void until(String what, BooleanSupplier condition) {
        until(what, SseRecorder.TIMEOUT, condition);
    }

    /**
     * As {@link #until(String, BooleanSupplier)}, with a bound of {@code atMost}: for work whose
     * size makes the default bound tight on a loaded machine (a thousand clients, say).
     */
    public static void until(String what, Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + atMost + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting: " + what, e);
            }
        }
    }
}
