package dev.herald.bench.load;

import java.util.concurrent.TimeUnit;

/**
 * The clock that stamps events at publish and times them at receipt. Both happen in the load
 * generator's process, so a monotonic clock works and no wall-clock skew enters the latency.
 */
final class BenchClock {

    // A day before this class was loaded: a time read earlier in the process (a publish due time
    // taken before the first stamp) still maps to a positive number, which the scanner expects.
    private static final long ORIGIN = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    private BenchClock() {
    }

    /** Microseconds since a fixed origin, on {@link System#nanoTime()}. */
    static long micros(long nanoTime) {
        return (nanoTime - ORIGIN) / 1000;
    }

    static long nowMicros() {
        return micros(System.nanoTime());
    }
}
