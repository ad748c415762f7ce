package dev.herald.bench.load;

import dev.herald.bench.load.Results.Better;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.HdrHistogram.Histogram;

/**
 * Runs {@link Scenario}s against one server and records their figures. Each scenario opens its
 * own connections, measures, closes them, and lets the server notice before the next one starts.
 */
final class ScenarioRunner {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final Duration MAX_DRAIN = Duration.ofSeconds(15);
    private static final int BURSTS = 5;
    private static final int WARM_UP_SUBSCRIBERS = 100;
    private static final int WARM_UP_PER_SECOND = 2_000;

    /**
     * Where the subscribers connect and how many threads and source addresses they use.
     *
     * @param nodes the server, or each of its nodes: subscribers are spread over them in turn
     */
    record Setup(List<InetSocketAddress> nodes, String subscribePath, int reactors, int sourceAddresses, int maxConnecting) {
    }

    private final Setup setup;
    private final Publisher publisher;
    private final ServerProbe probe; // null: the server runs in this process
    private final Results results;
    private final Runnable killFirstNode; // null: nothing to kill

    /** @param killFirstNode kills the first of the setup's nodes at once (SIGKILL), or {@code null} when there is none to kill */
    ScenarioRunner(Setup setup, Publisher publisher, ServerProbe probe, Results results, Runnable killFirstNode) {
        this.setup = setup;
        this.publisher = publisher;
        this.probe = probe;
        this.results = results;
        this.killFirstNode = killFirstNode;
    }

    /**
     * Before the first scenario, the same load for every server, not counted: {@code publishes}
     * publishes at {@value #WARM_UP_PER_SECOND}/s to {@value #WARM_UP_SUBSCRIBERS} subscribers. A
     * JVM server compiles its hot paths during it; without it, a scenario of 10 publishes/s (150 in
     * all) would be measured mostly in the interpreter, and a warm server is what users run. A
     * server without a JIT loses nothing by it. Its delivery is recorded as the "warm-up" row.
     */
    void warmUp(int publishes) throws InterruptedException {
        if (publishes <= 0) {
            return;
        }
        try (Subscribers subscribers = new Subscribers(setup.nodes(), setup.subscribePath(), setup.reactors(),
                setup.sourceAddresses(), setup.maxConnecting())) {
            if (subscribers.open(WARM_UP_SUBSCRIBERS, CONNECT_TIMEOUT) == null) {
                results.missed("warm-up", subscribers.streaming() + " of " + WARM_UP_SUBSCRIBERS + " connections streaming");
                return;
            }
            int subscribed = subscribers.streaming();
            subscribers.tally(true);
            Publisher.Outcome published = publisher.publish(publishes, WARM_UP_PER_SECOND);
            long expected = (long) (published.accepted() + published.unanswered()) * subscribed;
            delivery("warm-up", drain(subscribers, expected), expected);
        } finally {
            settle();
        }
    }

    void run(Scenario scenario) throws InterruptedException {
        results.add(scenario.name(), "load1 before", load1(), "", Better.NEITHER);
        Duration generatorCpu = generatorCpu();
        if (scenario.kind() == Scenario.Kind.ROUND_TRIP) {
            try {
                roundTrip(scenario);
            } finally {
                results.add(scenario.name(), "generator cpu", seconds(generatorCpu().minus(generatorCpu)), "s", Better.NEITHER);
            }
            return;
        }
        try (Subscribers subscribers = new Subscribers(setup.nodes(), setup.subscribePath(), setup.reactors(),
                setup.sourceAddresses(), setup.maxConnecting())) {
            OptionalLong heapBefore = scenario.kind() == Scenario.Kind.IDLE && probe != null ? probe.heapAfterFullGc() : OptionalLong.empty();
            long rssBefore = probe == null ? 0 : probe.rssBytes();
            Duration connect = subscribers.open(scenario.connections(), CONNECT_TIMEOUT);
            if (connect == null) {
                results.missed(scenario.name(), subscribers.streaming() + " of " + scenario.connections()
                        + " connections streaming after " + CONNECT_TIMEOUT.toSeconds() + " s (" + subscribers.failed() + " failed)");
                return;
            }
            results.add(scenario.name(), "connect storm", seconds(connect), "s", Better.LOWER);
            switch (scenario.kind()) {
                case FANOUT -> fanOut(scenario, subscribers);
                case BURST -> burst(scenario, subscribers);
                case RECONNECT -> reconnect(scenario, subscribers);
                case IDLE -> idle(scenario, subscribers, heapBefore, rssBefore);
                case FAIL_OVER -> failOver(scenario, subscribers);
                case ROUND_TRIP -> throw new IllegalStateException("a round trip has no subscribers");
            }
            results.add(scenario.name(), "closed by server", subscribers.closedByServer(), "", Better.LOWER);
        } finally {
            results.add(scenario.name(), "generator cpu", seconds(generatorCpu().minus(generatorCpu)), "s", Better.NEITHER);
            settle();
        }
    }

    private void fanOut(Scenario scenario, Subscribers subscribers) throws InterruptedException {
        int count = scenario.perSecond() * (int) scenario.duration().toSeconds();
        int subscribed = subscribers.streaming();
        // A second of the same load first, not counted: a JVM server compiles its hot paths then.
        Publisher.Outcome warmUp = publisher.publish(scenario.perSecond(), scenario.perSecond());
        drain(subscribers, (long) (warmUp.accepted() + warmUp.unanswered()) * subscribed);
        subscribers.tally(true);
        Duration cpuBefore = serverCpu();
        long start = System.nanoTime();
        Publisher.Outcome published = publisher.publish(count, scenario.perSecond());
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (long) (published.accepted() + published.unanswered()) * subscribed;
        Tally tally = drain(subscribers, expected);
        Duration cpu = serverCpu().minus(cpuBefore);
        double wall = (Math.max(tally.lastEventNanos(), start) - start) / 1e9;
        rates(scenario, published);
        results.add(scenario.name(), "deliveries/s", wall > 0 ? tally.events() / wall : 0, "/s", Better.HIGHER);
        delivery(scenario.name(), tally, expected);
        latency(scenario, tally.latencyMicros());
        if (probe != null) {
            results.add(scenario.name(), "server cpu", 100 * seconds(cpu) / Math.max(wall, publishSeconds), "% of a core", Better.LOWER);
            results.add(scenario.name(), "server rss", probe.rssBytes() / 1048576.0, "MiB", Better.LOWER);
        }
    }

    private void burst(Scenario scenario, Subscribers subscribers) throws InterruptedException {
        int subscribed = subscribers.streaming();
        subscribers.tally(true);
        long published = 0;
        for (int i = 0; i < BURSTS; i++) {
            Publisher.Outcome one = publisher.publish(1, 1);
            published += one.accepted() + one.unanswered();
            Thread.sleep(scenario.duration().toMillis() / BURSTS);
        }
        Tally tally = drain(subscribers, published * subscribed);
        delivery(scenario.name(), tally, published * subscribed);
        latency(scenario, tally.latencyMicros());
    }

    private void reconnect(Scenario scenario, Subscribers subscribers) throws InterruptedException {
        int n = subscribers.streaming();
        int replayed = scenario.perSecond();
        Publisher.Outcome before = publisher.publish(replayed, 100);
        drain(subscribers, (long) (before.accepted() + before.unanswered()) * n);
        subscribers.closeAll();
        subscribers.tally(true);
        Publisher.Outcome missed = publisher.publish(replayed, 100);
        long start = System.nanoTime();
        Duration streaming = subscribers.reconnect(true, CONNECT_TIMEOUT);
        if (streaming == null) {
            results.missed(scenario.name(), subscribers.streaming() + " of " + n + " streaming again after "
                    + CONNECT_TIMEOUT.toSeconds() + " s");
            return;
        }
        results.add(scenario.name(), "all streaming again", seconds(streaming), "s", Better.LOWER);
        long expected = (long) (missed.accepted() + missed.unanswered()) * n;
        Tally tally = drain(subscribers, expected);
        results.add(scenario.name(), "replayed", 100.0 * tally.events() / expected, "%", Better.HIGHER);
        if (tally.events() >= expected) {
            results.add(scenario.name(), "all replayed", (tally.lastEventNanos() - start) / 1e9, "s", Better.LOWER);
        }
    }

    /**
     * Publishes at the scenario's rate to the publisher's node while the first node is killed
     * half-way; its subscribers resume on the other nodes with their last event id. Every
     * subscriber should then have every event once: "events lost" counts, over all subscribers,
     * the events accepted but never received (a refused publish is no event), "received twice" the
     * second copies.
     */
    private void failOver(Scenario scenario, Subscribers subscribers) throws InterruptedException {
        if (setup.nodes().size() < 2 || killFirstNode == null) {
            results.missed(scenario.name(), "needs several nodes (--nodes) and the first one's pid (--kill-pid)");
            return;
        }
        int count = scenario.perSecond() * (int) scenario.duration().toSeconds();
        int subscribed = subscribers.streaming();
        Publisher.Outcome warmUp = publisher.publish(scenario.perSecond(), scenario.perSecond());
        drain(subscribers, (long) (warmUp.accepted() + warmUp.unanswered()) * subscribed);
        subscribers.tally(true);
        long first = publisher.lastSequence() + 1;
        subscribers.trackSequences(first);
        FutureTask<Publisher.Outcome> publishing = new FutureTask<>(() -> publisher.publish(count, scenario.perSecond()));
        long start = System.nanoTime();
        Thread.ofPlatform().name("bench-publishing").start(publishing);
        Thread.sleep(scenario.duration().toMillis() / 2);
        killFirstNode.run();
        Subscribers.Moved moved = subscribers.failOver(setup.nodes().getFirst(), CONNECT_TIMEOUT);
        Publisher.Outcome published;
        try {
            published = publishing.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + scenario.name() + " failed", e.getCause());
        }
        if (moved == null) {
            results.missed(scenario.name(), subscribers.streaming() + " of " + subscribed + " streaming after the kill and "
                    + CONNECT_TIMEOUT.toSeconds() + " s");
            return;
        }
        results.add(scenario.name(), "subscribers moved", moved.connections(), "", Better.NEITHER);
        results.add(scenario.name(), "all streaming again", seconds(moved.took()), "s", Better.LOWER);
        long expected = (long) (published.accepted() + published.unanswered()) * subscribed;
        Tally tally = drain(subscribers, expected);
        Sequences.Totals totals = subscribers.sequences(publisher.lastSequence());
        double wall = (Math.max(tally.lastEventNanos(), start) - start) / 1e9;
        rates(scenario, published);
        results.add(scenario.name(), "deliveries/s", wall > 0 ? tally.events() / wall : 0, "/s", Better.HIGHER);
        delivery(scenario.name(), tally, expected);
        results.add(scenario.name(), "events lost", totals.missing() - (long) published.refused() * subscribed, "", Better.LOWER);
        results.add(scenario.name(), "received twice", totals.twice(), "", Better.LOWER);
        latency(scenario, tally.latencyMicros());
    }

    /** Publishes one at a time with nobody subscribed: what a publish request itself costs. */
    private void roundTrip(Scenario scenario) throws InterruptedException {
        publisher.roundTrips(scenario.perSecond()); // warm-up, not counted
        Duration cpuBefore = serverCpu();
        long start = System.nanoTime();
        Histogram micros = publisher.roundTrips(scenario.perSecond());
        double wall = (System.nanoTime() - start) / 1e9;
        results.add(scenario.name(), "publishes/s", micros.getTotalCount() / wall, "/s", Better.HIGHER);
        latency(scenario, micros);
        if (probe != null) {
            results.add(scenario.name(), "server cpu/publish", seconds(serverCpu().minus(cpuBefore)) * 1e6 / micros.getTotalCount(), "µs", Better.LOWER);
        }
    }

    /** The rate asked and the rate the server took: a server that took less than 98 % of it was not measured at the asked load. */
    private void rates(Scenario scenario, Publisher.Outcome published) {
        results.add(scenario.name(), "publishes/s asked", published.askedPerSecond(), "/s", Better.NEITHER);
        results.add(scenario.name(), "publishes/s", published.acceptedPerSecond(), "/s", Better.NEITHER);
        Histogram answers = published.answerMicros();
        if (answers.getTotalCount() > 0) {
            results.add(scenario.name(), "publish answer p50", answers.getValueAtPercentile(50) / 1000.0, "ms", Better.LOWER);
            results.add(scenario.name(), "publish answer p99", answers.getValueAtPercentile(99) / 1000.0, "ms", Better.LOWER);
        }
        if (!published.kept()) {
            results.invalid(scenario.name(), String.format(java.util.Locale.ROOT, "took %.1f of the %.0f publishes/s asked (%d refused, %d unanswered)",
                    published.acceptedPerSecond(), published.askedPerSecond(), published.refused(), published.unanswered()));
        }
    }

    private void idle(Scenario scenario, Subscribers subscribers, OptionalLong heapBefore, long rssBefore) throws InterruptedException {
        int n = subscribers.streaming();
        Thread.sleep(2000);
        subscribers.tally(true);
        Duration cpuBefore = serverCpu();
        Thread.sleep(scenario.duration().toMillis());
        Duration cpu = serverCpu().minus(cpuBefore);
        Tally tally = subscribers.tally(false);
        results.add(scenario.name(), "heartbeats/conn", (double) tally.comments() / n, "", Better.NEITHER);
        if (probe == null) {
            return;
        }
        results.add(scenario.name(), "server cpu", 100 * seconds(cpu) / scenario.duration().toMillis() * 1000, "% of a core", Better.LOWER);
        results.add(scenario.name(), "rss/conn", (probe.rssBytes() - rssBefore) / 1024.0 / n, "KiB", Better.LOWER);
        OptionalLong heapAfter = probe.heapAfterFullGc();
        if (heapBefore.isPresent() && heapAfter.isPresent()) {
            results.add(scenario.name(), "heap/conn", (heapAfter.getAsLong() - heapBefore.getAsLong()) / 1024.0 / n, "KiB", Better.LOWER);
        }
    }

    private void delivery(String scenario, Tally tally, long expected) {
        results.add(scenario, "delivered", expected == 0 ? 0 : 100.0 * tally.events() / expected, "%", Better.HIGHER);
    }

    private void latency(Scenario scenario, Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return;
        }
        for (double p : new double[] {50, 90, 99, 99.9}) {
            results.add(scenario.name(), "p" + Results.Figure.format(p), micros.getValueAtPercentile(p) / 1000.0, "ms", Better.LOWER);
        }
        results.add(scenario.name(), "max", micros.getMaxValue() / 1000.0, "ms", Better.LOWER);
    }

    /** Waits until {@code expected} events arrived, or none arrived for {@link #QUIET}; bounded by {@link #MAX_DRAIN}. */
    private Tally drain(Subscribers subscribers, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_DRAIN.toNanos();
        Tally tally = subscribers.tally(false);
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (tally.events() < expected && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < QUIET.toNanos()) {
            Thread.sleep(50);
            tally = subscribers.tally(false);
            if (tally.events() != lastCount) {
                lastCount = tally.events();
                lastChange = System.nanoTime();
            }
        }
        return tally;
    }

    /**
     * After the connections closed (with a reset), publishes a few events so that servers that
     * notice a gone client only when writing to it (most) drop those subscribers now.
     */
    private void settle() throws InterruptedException {
        publisher.publish(3, 10);
        Thread.sleep(1000);
    }

    private Duration serverCpu() {
        return probe == null ? Duration.ZERO : probe.cpu();
    }

    private static Duration generatorCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
