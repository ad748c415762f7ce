package dev.herald.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.bench.server.BenchHub;
import dev.herald.hub.Hub;
import dev.herald.jetty.HeraldServer;
import dev.herald.testing.InMemoryBroker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failover scenario, small, on three in-process nodes sharing one in-memory log (as nodes share
 * Redis): the first node stops half-way and its subscribers resume on the other two. Assertions on
 * delivery only, never on speed.
 */
class FailOverSmokeTest {

    private static final int SUBSCRIBERS = 300;
    private final List<HeraldServer> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(HeraldServer::close);
    }

    @Test
    void theSubscribersOfANodeThatStopsResumeOnTheOthersWithEveryEventOnce() throws InterruptedException {
        InMemoryBroker log = new InMemoryBroker(1024);
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HeraldServer node = HeraldServer.builder(Hub.builder().broker(log.node()).build()).host("127.0.0.1").port(0)
                    .publisherJwtKey(BenchHub.DEFAULT_KEY).build();
            node.start();
            nodes.add(node);
            addresses.add(new InetSocketAddress("127.0.0.1", node.port()));
        }
        Results results = new Results("herald-3nodes", null);
        ScenarioRunner.Setup setup = new ScenarioRunner.Setup(addresses, HeraldServer.HUB_PATH + "?topic=smoke", 2, 4, 100);
        try (Publisher publisher = new Publisher(addresses.getLast(), HeraldServer.HUB_PATH, Publisher.Format.MERCURE, "smoke",
                BenchHub.DEFAULT_KEY, 100, 2)) {
            new ScenarioRunner(setup, publisher, null, results, () -> nodes.getFirst().close())
                    .run(new Scenario("smoke-failover", Scenario.Kind.FAIL_OVER, SUBSCRIBERS, 20, Duration.ofSeconds(2)));
        }

        assertThat(results.get("smoke-failover", "subscribers moved")).isEqualTo(SUBSCRIBERS / 3);
        assertThat(results.get("smoke-failover", "events lost")).isZero();
        assertThat(results.get("smoke-failover", "received twice")).isZero();
        assertThat(results.get("smoke-failover", "delivered")).isEqualTo(100.0);
        // Every publish was accepted; at 98 % of the asked rate or not is a bench figure, not a test's.
        assertThat(results.figures()).filteredOn(f -> f.metric().equals(Results.INVALID))
                .allSatisfy(f -> assertThat(f.unit()).as("publishes refused or lost").endsWith("(0 refused, 0 unanswered)"));
    }
}
