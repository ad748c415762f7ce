package dev.herald.bench.load;

import java.util.List;
import java.util.Locale;

/**
 * A figure Herald should reach on this box (issue 6), printed beside the table; never asserted
 * in tests (DESIGN §7).
 *
 * @param scenario  the scenario the figure belongs to
 * @param metric    the figure's name
 * @param atMost    true for an upper bound, false for a lower one
 * @param bound     the bound, in the figure's unit
 */
record Target(String scenario, String metric, boolean atMost, double bound) {

    static final List<Target> HERALD = List.of(
            new Target("fanout-10k-40", "deliveries/s", false, 400_000),
            new Target("fanout-10k-40", "delivered", false, 100),
            new Target("fanout-10k-40", "p99", true, 250),
            new Target("fanout-10k-20", "deliveries/s", false, 200_000),
            new Target("fanout-10k-10", "p50", true, 30),
            new Target("fanout-10k-10", "p99", true, 80),
            new Target("fanout-1k-100", "p50", true, 2),
            new Target("fanout-1k-100", "p99", true, 8),
            new Target("burst-19k", "p99", true, 150),
            new Target("idle-19k", "heap/conn", true, 4),
            new Target("idle-19k", "rss/conn", true, 8),
            new Target("idle-19k", "server cpu", true, 2),
            new Target("reconnect-10k", "all replayed", true, 1));

    boolean met(double value) {
        return atMost ? value <= bound : value >= bound;
    }

    String describe() {
        return scenario + " " + metric + (atMost ? " <= " : " >= ") + Results.Figure.format(bound);
    }

    String verdict(double value) {
        return Double.isNaN(value) ? "not measured" : (met(value) ? "met" : "MISSED") + String.format(Locale.ROOT, " (%s)", Results.Figure.format(value));
    }
}
