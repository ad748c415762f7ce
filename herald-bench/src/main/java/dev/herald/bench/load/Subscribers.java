package dev.herald.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SSE connections of a run, spread over a few {@link Reactor} threads, over source addresses
 * 127.0.0.2, 127.0.0.3, … (each source address has its own ~28k ephemeral ports) and, when the
 * server is several nodes, over the nodes in turn.
 * Opening is paced: at most {@code maxConnecting} connections wait for their response head at
 * once, as a real storm of browsers would not all arrive in the same millisecond either.
 */
final class Subscribers implements AutoCloseable, Reactor.Events {

    private final List<Reactor> reactors = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<InetSocketAddress> nodes;
    private final int sourceAddresses;
    private final Semaphore connecting;
    private final AtomicInteger streaming = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();

    /** @param nodes where the connections go, in turn: the server, or each of its nodes */
    Subscribers(List<InetSocketAddress> nodes, String path, int reactorCount, int sourceAddresses, int maxConnecting) {
        this.nodes = List.copyOf(nodes);
        this.sourceAddresses = sourceAddresses;
        this.connecting = new Semaphore(maxConnecting);
        for (int i = 0; i < reactorCount; i++) {
            Reactor reactor = new Reactor("bench-reactor-" + i, path, this);
            reactors.add(reactor);
            reactor.start();
        }
    }

    /**
     * Opens {@code count} more connections and waits until all stream or {@code timeout} passes.
     *
     * @return the time until all were streaming (the connect storm), or {@code null} on timeout
     */
    Duration open(int count, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        int target = streaming.get() + count;
        for (int i = 0; i < count; i++) {
            int index = connections.size();
            Reactor reactor = reactors.get(index % reactors.size());
            Connection connection = new Connection(reactor, source(index), nodes.get(index % nodes.size()));
            connections.add(connection);
            if (!launch(connection, true, false, start + timeout.toNanos())) {
                return null;
            }
        }
        return awaitStreaming(target, start, timeout);
    }

    /**
     * Cuts every connection (a reset, as a network blip or a restart would), then opens them all
     * again; with {@code resume}, each sends the last event id it had received.
     *
     * @return the time from the first reconnect until all were streaming, or {@code null} on timeout
     */
    Duration reconnect(boolean resume, Duration timeout) throws InterruptedException {
        closeAll();
        long start = System.nanoTime();
        for (Connection connection : connections) {
            if (!launch(connection, false, resume, start + timeout.toNanos())) {
                return null;
            }
        }
        return awaitStreaming(connections.size(), start, timeout);
    }

    /**
     * After {@code dead} went away: waits until every connection to it is closed, then opens each
     * again on the other nodes in turn, resuming from the last event id it received, as browsers
     * reconnecting through a load balancer do.
     *
     * @return how many connections moved and the time until all were streaming again, or
     *         {@code null} when they were not within {@code timeout}
     */
    Moved failOver(InetSocketAddress dead, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<InetSocketAddress> others = nodes.stream().filter(node -> !node.equals(dead)).toList();
        while (!onNode(dead, false).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(1);
        }
        List<Connection> moving = onNode(dead, true);
        for (int i = 0; i < moving.size(); i++) {
            Connection connection = moving.get(i);
            InetSocketAddress node = others.get(i % others.size());
            connection.reactor().call(all -> {
                connection.moveTo(node);
                return null;
            }).join();
            if (!launch(connection, false, true, deadline)) {
                return null;
            }
        }
        Duration streaming = awaitStreaming(connections.size(), start, timeout);
        return streaming == null ? null : new Moved(moving.size(), streaming);
    }

    /** The connections to {@code node}: every one with {@code closedToo}, else those not closed. */
    private List<Connection> onNode(InetSocketAddress node, boolean closedToo) {
        return join(reactors.stream().map(r -> r.call(all -> all.stream()
                .filter(c -> c.server().equals(node) && (closedToo || c.phase() != Connection.Phase.CLOSED))
                .toList())).toList()).stream().flatMap(List::stream).toList();
    }

    /** What {@link #failOver} did: {@code connections} moved, all streaming again after {@code took}. */
    record Moved(int connections, Duration took) {
    }

    /** Each connection notes from now on which sequence numbers from {@code first} on it receives. */
    void trackSequences(long first) {
        join(reactors.stream().map(r -> r.call(all -> {
            all.forEach(c -> c.trackSequences(first));
            return null;
        })).toList());
    }

    /** Over all connections: events numbered from the tracked first to {@code last} never received, and events received twice. */
    Sequences.Totals sequences(long last) {
        return join(reactors.stream().map(r -> r.call(all -> Sequences.Totals.of(all, last))).toList()).stream()
                .reduce(Sequences.Totals::plus).orElseThrow();
    }

    /** Closes every connection (with a reset) and waits until each reactor has done so. */
    void closeAll() {
        join(reactors.stream().map(r -> r.call(all -> {
            all.forEach(c -> c.close(false));
            return null;
        })).toList());
    }

    /** The counts over all reactors; with {@code reset}, the counts start again from zero. */
    Tally tally(boolean reset) {
        List<Tally> tallies = join(reactors.stream().map(r -> r.tally(reset)).toList());
        return tallies.stream().reduce(Tally::plus).orElseThrow();
    }

    int streaming() {
        return streaming.get();
    }

    int failed() {
        return failed.get();
    }

    int closedByServer() {
        return closedByServer.get();
    }

    int size() {
        return connections.size();
    }

    @Override
    public void close() {
        closeAll();
        reactors.forEach(Reactor::stop);
    }

    // Reactor.Events, on reactor threads.

    @Override
    public void onStreaming() {
        streaming.incrementAndGet();
        connecting.release();
    }

    @Override
    public void onFailed() {
        failed.incrementAndGet();
    }

    @Override
    public void onClosed(Connection.Phase was, boolean byServer) {
        if (was == Connection.Phase.STREAMING) {
            streaming.decrementAndGet();
        } else {
            connecting.release();
        }
        if (byServer) {
            closedByServer.incrementAndGet();
        }
    }

    private boolean launch(Connection connection, boolean isNew, boolean resume, long deadline) throws InterruptedException {
        if (!connecting.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        Reactor reactor = connection.reactor();
        reactor.call(all -> {
            if (isNew) {
                reactor.add(connection);
            }
            connection.open(resume);
            return null;
        });
        return true;
    }

    private Duration awaitStreaming(int target, long start, Duration timeout) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        while (streaming.get() < target) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(1);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private InetSocketAddress source(int index) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + index % sourceAddresses)}), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> join(List<CompletableFuture<T>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
