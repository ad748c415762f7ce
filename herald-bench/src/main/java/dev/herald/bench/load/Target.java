package dev.herald.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure Herald should reach on this box (issue 10), printed beside the table; never asserted in
 * tests (DESIGN §7). A bound is absolute, or a factor of a peer's figure in the same run.
 *
 * @param scenario the scenario the figure belongs to
 * @param metric   the figure's name
 * @param atMost   true for an upper bound, false for a lower one
 * @param bound    the bound, in the figure's unit; a factor when {@code peer} is set
 * @param peer     the server whose figure the bound is a factor of, or {@code null}
 */
record Target(String scenario, String metric, boolean atMost, double bound, String peer) {

    static final String NCHAN = "nchan";

    static final List<Target> HERALD = herald();

    private static List<Target> herald() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("publish-rtt", "p50", true, 0.5, null));
        for (String fanOut : List.of("fanout-100-10", "fanout-1k-10", "fanout-1k-50", "fanout-1k-100", "fanout-5k-10",
                "fanout-10k-10", "fanout-10k-20", "fanout-10k-40", "fanout-19k-20")) {
            targets.add(new Target(fanOut, "p99", true, 1, NCHAN));
        }
        targets.add(new Target("fanout-1k-50", "p99", true, 80, null));
        targets.add(new Target("fanout-10k-10", "p99", true, 80, null));
        for (String saturated : List.of("fanout-10k-40", "fanout-19k-20")) {
            targets.add(new Target(saturated, "deliveries/s", false, 2.5, NCHAN));
            targets.add(new Target(saturated, "delivered", false, 100, null));
        }
        targets.add(new Target("burst-19k", "p99", true, 150, null));
        targets.add(new Target("idle-19k", "heap/conn", true, 4, null));
        targets.add(new Target("idle-19k", "rss/conn", true, 8, null));
        targets.add(new Target("idle-19k", "server cpu", true, 2, null));
        targets.add(new Target("reconnect-10k", "all replayed", true, 1, null));
        return List.copyOf(targets);
    }

    String describe() {
        String limit = peer == null ? Results.Figure.format(bound) : (bound == 1 ? "" : Results.Figure.format(bound) + " × ") + peer + "'s";
        return scenario + " " + metric + (atMost ? " <= " : " >= ") + limit;
    }

    /**
     * @param value     the server's figure, NaN if not measured
     * @param peerValue the peer's figure (for a relative bound), NaN if not measured
     */
    String verdict(double value, double peerValue) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        double limit = bound;
        if (peer != null) {
            if (Double.isNaN(peerValue)) {
                return String.format(Locale.ROOT, "%s, %s not measured or invalid", Results.Figure.format(value), peer);
            }
            limit = bound * peerValue;
        }
        boolean met = atMost ? value <= limit : value >= limit;
        String by = limit == 0 ? "" : String.format(Locale.ROOT, ", %.2f× the bound", value / limit);
        return String.format(Locale.ROOT, "%s (%s against %s%s)", met ? "met" : "MISSED", Results.Figure.format(value),
                Results.Figure.format(limit), by);
    }
}
