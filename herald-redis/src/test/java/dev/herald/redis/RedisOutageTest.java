package dev.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.hub.Hub;
import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Interest;
import dev.herald.hub.Replay;
import dev.herald.sse.SseEvent;
import dev.herald.testing.Await;
import dev.herald.testing.BrokerContract.Inbox;
import dev.herald.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Redis of the test's own, stopped and started again empty, as a crash without persistence does. */
class RedisOutageTest {

    @TempDir
    java.nio.file.Path dir;

    private RedisServer redis;

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void whileRedisIsDownSubscribersAreToldAndPublishesFailThenTheNodeRecoversOnANewEpoch() {
        redis = RedisServer.start(dir);
        RedisStreamsBroker broker = RedisStreamsBroker.builder(redis.url()).commandTimeout(Duration.ofSeconds(1)).build();
        try (broker; Hub hub = Hub.builder().broker(broker).build()) {
            Inbox open = Inbox.subscribe(hub, Interest.topics(List.of("t")), null);
            String before = hub.publish("t", SseEvent.message("before"));
            open.awaitLive(1);

            redis.stop();

            SseEvent.Message end = open.awaitEnd();
            assertThat(end.type()).isEqualTo(Hub.UNAVAILABLE_EVENT_TYPE);
            assertThat(end.data()).contains("Redis at 127.0.0.1:" + redis.port() + " is unreachable");
            assertThatThrownBy(() -> hub.publish("t", SseEvent.message("lost?")))
                    .isInstanceOf(HubUnavailableException.class)
                    .hasMessageStartingWith("Redis at 127.0.0.1:" + redis.port() + " is unreachable");
            assertThatThrownBy(() -> Inbox.subscribe(hub, Interest.topics(List.of("t")), before))
                    .isInstanceOf(HubUnavailableException.class);

            redis = RedisServer.start(dir, redis.port());
            Await.until("the node serves again", () -> {
                try {
                    hub.position();
                    Inbox.subscribe(hub, Interest.topics(List.of("probe")), null);
                    return true;
                } catch (HubUnavailableException notYet) {
                    return false;
                }
            });
            Inbox resumed = Inbox.subscribe(hub, Interest.topics(List.of("t")), before);
            String after = hub.publish("t", SseEvent.message("after"));

            assertThat(resumed.gap().reason()).isEqualTo(Replay.Reason.EARLIER_EPOCH);
            assertThat(resumed.awaitLive(1)).extracting(e -> e.message().data()).containsExactly("after");
            assertThat(after).doesNotStartWith(before.substring(0, before.indexOf(':')));
        }
    }

    @Test
    void aRedisThatRestartedEmptyBetweenTwoChecksIsANewEpochForOpenSubscribers() {
        redis = RedisServer.start(dir);
        RedisStreamsBroker broker = RedisStreamsBroker.builder(redis.url()).build();
        try (broker; Hub hub = Hub.builder().broker(broker).build()) {
            Inbox open = Inbox.subscribe(hub, Interest.topics(List.of("t")), null);
            hub.publish("t", SseEvent.message("before"));
            open.awaitLive(1);

            redis.flushAll();

            Await.until("the open subscriber hears of the loss", () -> !open.gaps().isEmpty());
            assertThat(open.gaps().getFirst().reason()).isEqualTo(Replay.Reason.EARLIER_EPOCH);
            hub.publish("t", SseEvent.message("after"));
            assertThat(open.awaitLive(2)).extracting(e -> e.message().data()).containsExactly("before", "after");
        }
    }
}
