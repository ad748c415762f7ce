package dev.herald.bench.server;

import dev.herald.hub.Hub;
import dev.herald.jetty.HeraldServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone hub the bench measures: a {@link HeraldServer} with HTTP publishing on, on
 * loopback. Settings come from system properties so run.sh can vary them without a rebuild:
 * {@code herald.port} (default 8081), {@code herald.key} (the publisher JWT key),
 * {@code herald.heartbeatSeconds} (15), {@code herald.logEvents} (1024 per topic). Runs until
 * the process is stopped (SIGTERM closes the server gracefully).
 */
public final class BenchHub {

    /** The publisher key when none is given; the load generator signs with the same default. */
    public static final String DEFAULT_KEY = "herald-bench-publisher-key-0123456789";

    private BenchHub() {
    }

    public static void main(String[] args) throws InterruptedException {
        Hub hub = Hub.builder().maxEventsPerTopic(Integer.getInteger("herald.logEvents", 1024)).build();
        HeraldServer server = HeraldServer.builder(hub)
                .host("127.0.0.1")
                .port(Integer.getInteger("herald.port", 8081))
                .publisherJwtKey(System.getProperty("herald.key", DEFAULT_KEY))
                .heartbeat(Duration.ofSeconds(Integer.getInteger("herald.heartbeatSeconds", 15)))
                .build();
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("herald bench hub listening on " + server.uri() + " pid " + ProcessHandle.current().pid());
        stopped.await();
    }
}
