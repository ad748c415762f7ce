package dev.herald.stream;

import java.time.Instant;

/** The writer's clock: a monotonic one for heartbeats and stalls, and the wall clock deadlines are given in. */
interface Ticker {

    /** The system's clocks. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };

    /** As {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** The wall clock. */
    Instant now();
}
