package dev.herald.app.node;

import dev.herald.app.db.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This app node among those sharing its database: its id (drawn at start) names the jobs and runs
 * it executes and the chat pages it serves, and its row in {@code app_nodes} says it is alive.
 *
 * <p>On a database several nodes share ({@link Database#shared()}), the node renews its heartbeat
 * every {@link #tick()} ({@code timeout / 20}); each tick it also removes the nodes not seen for
 * {@code timeout} and lets its {@link Watcher}s take over what nodes gone left behind and do what
 * other nodes asked of this one. So a node killed without its shutdown has its live work failed and
 * its users unlisted within {@code timeout} plus a tick. On SQLite the app is its only node: at start
 * every earlier node is gone at once (the file's last app), and nothing ticks.
 *
 * <p>Nodes compare heartbeats by their own clocks: keep them synchronized (NTP) to well under the
 * timeout.
 */
public final class Node implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Node.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final NodeRepository repository;
    private final Clock clock;
    private final Duration timeout;
    private final String id;
    private ScheduledExecutorService ticker; // null until watched, and on SQLite
    private boolean failing; // the last tick failed: log the next failure at debug only

    private Node(Database database, Clock clock, Duration timeout, String id) {
        this.database = database;
        this.repository = new NodeRepository(database);
        this.clock = clock;
        this.timeout = timeout;
        this.id = id;
    }

    /**
     * Records a new node in {@code database}; on a database of one node, forgets the earlier ones.
     *
     * @param timeout how long a node may go without a heartbeat before the others take its work over
     */
    public static Node join(Database database, Clock clock, Duration timeout) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        Node node = new Node(database, clock, timeout, HexFormat.of().formatHex(bytes));
        if (!database.shared()) {
            node.repository.removeAll();
        }
        node.repository.renew(node.id, clock.millis());
        return node;
    }

    /** This node's id: 16 hex digits. */
    public String id() {
        return id;
    }

    /**
     * Lets {@code watchers} take over what gone nodes left (once now, for nodes that stopped before
     * this one started), then, on a shared database, starts ticking.
     */
    public void watch(List<Watcher> watchers) {
        watchers.forEach(Watcher::orphaned);
        if (database.shared()) {
            ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("herald-node").factory());
            long every = tick().toMillis();
            ticker.scheduleWithFixedDelay(() -> tick(watchers), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** How often a node renews its heartbeat and looks for gone nodes: a twentieth of the timeout. */
    public Duration tick() {
        return timeout.dividedBy(20);
    }

    private void tick(List<Watcher> watchers) {
        try {
            long now = clock.millis();
            if (!repository.renew(id, now)) {
                log.warn("Node {} was taken for gone (no heartbeat for {} ms): its jobs and runs were failed by another node",
                        id, timeout.toMillis());
            }
            int gone = repository.removeUnseenSince(now - timeout.toMillis());
            if (gone > 0) {
                log.warn("{} node(s) stopped without leaving: taking over what they left", gone);
            }
            for (Watcher watcher : watchers) {
                watcher.orphaned();
                watcher.tick();
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Node {}: a heartbeat failed (retrying every {} ms): {}", id, tick().toMillis(), e.getMessage());
            }
            failing = true;
        }
    }

    /** Stops ticking and leaves: other nodes take over what this one leaves at their next tick. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        repository.remove(id);
    }

    /**
     * The SQL condition true for a row whose {@code column} names no live node (or is NULL): work
     * left behind by a node that is gone.
     */
    public static String gone(String column) {
        return "NOT EXISTS (SELECT 1 FROM app_nodes WHERE app_nodes.id = " + column + ")";
    }

    /** A feature's part in the nodes' life: what it takes over and what it checks each tick. */
    public interface Watcher {

        /**
         * Takes over the work of nodes that are gone ({@link #gone}): at start, then each tick. Safe
         * to run on several nodes at once: each row is taken over once.
         */
        void orphaned();

        /** Each tick, on a shared database only: does what other nodes asked of this one (a cancel). */
        default void tick() {
        }
    }
}
