package dev.herald.bench.load;

/**
 * The clock that stamps events at publish and times them at receipt. Both happen in the load
 * generator's process, so a monotonic clock works and no wall-clock skew enters the latency.
 */
final class BenchClock {

    private static final long ORIGIN = System.nanoTime();

    private BenchClock() {
    }

    /** Microseconds since the generator started, on {@link System#nanoTime()}. */
    static long micros(long nanoTime) {
        return (nanoTime - ORIGIN) / 1000;
    }

    static long nowMicros() {
        return micros(System.nanoTime());
    }
}
