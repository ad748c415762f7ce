package dev.herald.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured situation: how many subscribers, what is published, for how long.
 *
 * @param name        what the results and the table call it
 * @param kind        what is done with the connections
 * @param connections subscribers, all on one topic
 * @param perSecond   publishes a second (FANOUT), the events replayed per connection (RECONNECT), or
 *                    the publishes timed (ROUND_TRIP)
 * @param duration    how long to publish (FANOUT) or to watch idle connections (IDLE)
 */
record Scenario(String name, Kind kind, int connections, int perSecond, Duration duration) {

    enum Kind {
        /** Publish at a rate; latency, delivery and server cost. */
        FANOUT,
        /** One publish at a time to every subscriber, a few times; latency of each wave. */
        BURST,
        /** Cut every connection, publish while they are gone, reconnect with Last-Event-ID. */
        RECONNECT,
        /** Connected and silent but for heartbeats; memory and CPU per connection. */
        IDLE,
        /** No subscribers; publishes one at a time on one connection: a publish request's own cost. */
        ROUND_TRIP,
        /**
         * Several nodes: publish at a rate to the last node, kill the first one half-way, its
         * subscribers resume on the others with Last-Event-ID; events lost and received twice.
         */
        FAIL_OVER
    }

    /** The scenario table, with {@code seconds} of publishing each. */
    static List<Scenario> standard(int seconds, int idleSeconds) {
        Duration publishing = Duration.ofSeconds(seconds);
        return List.of(
                new Scenario("publish-rtt", Kind.ROUND_TRIP, 0, 5_000, Duration.ZERO),
                new Scenario("idle-19k", Kind.IDLE, 19_000, 0, Duration.ofSeconds(idleSeconds)),
                new Scenario("fanout-100-10", Kind.FANOUT, 100, 10, publishing),
                new Scenario("fanout-1k-10", Kind.FANOUT, 1_000, 10, publishing),
                new Scenario("fanout-1k-50", Kind.FANOUT, 1_000, 50, publishing),
                new Scenario("fanout-1k-100", Kind.FANOUT, 1_000, 100, publishing),
                new Scenario("fanout-5k-10", Kind.FANOUT, 5_000, 10, publishing),
                new Scenario("fanout-10k-10", Kind.FANOUT, 10_000, 10, publishing),
                new Scenario("fanout-10k-20", Kind.FANOUT, 10_000, 20, publishing),
                new Scenario("fanout-10k-40", Kind.FANOUT, 10_000, 40, publishing),
                new Scenario("fanout-19k-20", Kind.FANOUT, 19_000, 20, publishing),
                new Scenario("burst-19k", Kind.BURST, 19_000, 0, Duration.ofSeconds(5)),
                new Scenario("reconnect-10k", Kind.RECONNECT, 10_000, 10, Duration.ZERO));
    }

    /** What only a server of several nodes can run: not among {@code all}, asked for by name. */
    static List<Scenario> severalNodes(int seconds) {
        return List.of(new Scenario("failover-10k-10", Kind.FAIL_OVER, 10_000, 10, Duration.ofSeconds(seconds)));
    }

    /** The scenarios named in {@code names} (comma-separated), in that order, or the standard ones for {@code all}. */
    static List<Scenario> select(String names, int seconds, int idleSeconds) {
        if (names.equals("all")) {
            return standard(seconds, idleSeconds);
        }
        List<Scenario> known = new ArrayList<>(standard(seconds, idleSeconds));
        known.addAll(severalNodes(seconds));
        List<Scenario> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            chosen.add(known.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown scenario \"" + name + "\"; known: "
                            + known.stream().map(Scenario::name).toList())));
        }
        return chosen;
    }
}
