package dev.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.hub.Interest;
import dev.herald.hub.Replay;
import dev.herald.hub.spi.Broker;
import dev.herald.sse.SseEvent;
import dev.herald.testing.BrokerContract;
import dev.herald.testing.RequiredServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hubs on the shared Redis (127.0.0.1:6379) keep the broker contract; each test has a key prefix of its own. */
class RedisStreamsBrokerTest extends BrokerContract {

    static final String REDIS = "redis://127.0.0.1:" + RequiredServices.REDIS_PORT;

    private final String prefix = "herald-test:" + UUID.randomUUID() + ":";

    @BeforeEach
    void requireRedis() {
        RequiredServices.redis();
    }

    @Override
    protected Broker connect() {
        return RedisStreamsBroker.builder(REDIS).keyPrefix(prefix).maxEventsPerTopic(MAX_EVENTS_PER_TOPIC).build();
    }

    @Override
    protected void loseData() {
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().scan(ScanArgs.Builder.matches(prefix + "*").limit(10_000)).getKeys();
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aTopicsHistoryIsAlsoBoundedInBytesOldestFirst() {
        Broker broker = RedisStreamsBroker.builder(REDIS).keyPrefix(prefix).maxBytesPerTopic(2_500).build();
        try (broker; Hub hub = Hub.builder().broker(broker).build()) {
            String mark = hub.publish("t", SseEvent.message("w".repeat(1_000)));
            hub.publish("t", SseEvent.message("x".repeat(1_000)));
            String kept = hub.publish("t", SseEvent.message("y".repeat(1_000)));
            hub.publish("t", SseEvent.message("z".repeat(1_000)));

            Inbox fromMark = Inbox.subscribe(hub, Interest.topics(List.of("t")), mark);
            Inbox fromKept = Inbox.subscribe(hub, Interest.topics(List.of("t")), kept);

            assertThat(fromMark.gap().reason()).isEqualTo(Replay.Reason.EXPIRED);
            assertThat(fromMark.gap().events()).isEmpty();
            assertThat(fromKept.replay()).isInstanceOf(Replay.Exact.class);
            assertThat(fromKept.replay().events()).extracting(e -> e.message().data().charAt(0)).containsExactly('z');
        }
    }
}
