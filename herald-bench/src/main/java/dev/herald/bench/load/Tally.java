package dev.herald.bench.load;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What the subscribers received since the counts were last reset, summed over reactors. Events
 * stamped before the reset (late ones of an earlier phase) are not counted.
 *
 * @param streaming          connections whose response is streaming now
 * @param events             events received
 * @param comments           comment lines (heartbeats) received
 * @param fewestEvents       the fewest events any streaming connection received
 * @param mostEvents         the most events any connection received
 * @param latencyMicros      publish-to-receipt time of every event, in microseconds
 * @param lastEventNanos     {@link System#nanoTime()} of the latest event, 0 if none
 */
record Tally(int streaming, long events, long comments, long fewestEvents, long mostEvents,
             Histogram latencyMicros, long lastEventNanos) {

    static Tally of(List<Connection> connections, Histogram latency, long events, long comments, long lastEventNanos) {
        int streaming = 0;
        long fewest = Long.MAX_VALUE;
        long most = 0;
        for (Connection c : connections) {
            if (c.phase() == Connection.Phase.STREAMING) {
                streaming++;
                fewest = Math.min(fewest, c.events);
            }
            most = Math.max(most, c.events);
        }
        return new Tally(streaming, events, comments, fewest, most, latency.copy(), lastEventNanos);
    }

    Tally plus(Tally other) {
        Histogram sum = latencyMicros.copy();
        sum.add(other.latencyMicros);
        return new Tally(streaming + other.streaming, events + other.events, comments + other.comments,
                Math.min(fewestEvents, other.fewestEvents), Math.max(mostEvents, other.mostEvents),
                sum, Math.max(lastEventNanos, other.lastEventNanos));
    }
}
