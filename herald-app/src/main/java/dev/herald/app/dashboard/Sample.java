package dev.herald.app.dashboard;

import java.time.Instant;
import java.util.Map;

/**
 * The server's health at one moment, as the dashboard shows it. Rates are per second over the
 * time since the previous sample.
 *
 * @param cpu          the process's CPU use, 0-1 (NaN when the JVM cannot tell)
 * @param gcPauseRate  milliseconds per second spent in GC pauses
 */
record Sample(Instant time, int connections, Map<String, Integer> subscribersByTopic, double publishedRate,
              double deliveredRate, double bytesRate, long slowConsumerDisconnects, long heapUsed, long heapMax,
              double cpu, double gcPauseRate) {

    Sample {
        subscribersByTopic = Map.copyOf(subscribersByTopic);
    }
}
