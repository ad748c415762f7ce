package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.htmx.Dialect;
import dev.herald.htmx.Htmx;
import dev.herald.hub.Hub;
import dev.herald.redis.RedisStreamsBroker;
import dev.herald.servlet.HeraldStreams;
import dev.herald.sse.SseEvent;
import dev.herald.testing.RequiredServices;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What adding the starter gives an application, and how its settings and its own beans change that. */
class HeraldAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HeraldAutoConfiguration.class));

    @Test
    void givesAnInProcessHubItsStreamsHtmxAndAfterCommit() {
        context.run(app -> {
            assertThat(app).hasSingleBean(Hub.class).hasSingleBean(HeraldStreams.class)
                    .hasSingleBean(Htmx.class).hasSingleBean(AfterCommit.class);
            assertThat(app.getBean(Htmx.class).dialect()).isEqualTo(Dialect.HTMX_2);
        });
    }

    @Test
    void readsHeraldProperties() {
        context.withPropertyValues("herald.dialect=htmx_4", "herald.heartbeat=5s").run(app -> {
            assertThat(app.getBean(Htmx.class).dialect()).isEqualTo(Dialect.HTMX_4);
            assertThat(app.getBean(HeraldProperties.class).getHeartbeat()).isEqualTo(java.time.Duration.ofSeconds(5));
        });
    }

    @Test
    void backsOffForAHubOfTheApplicationsOwn() {
        Hub own = Hub.builder().build();
        context.withBean(Hub.class, () -> own).run(app -> assertThat(app.getBean(Hub.class)).isSameAs(own));
    }

    @Test
    void aRedisUrlGivesAHubSharedThroughRedis() {
        RequiredServices.redis();
        String prefix = "herald-starter-test:" + UUID.randomUUID() + ":";
        context.withPropertyValues("herald.redis.url=redis://127.0.0.1:" + RequiredServices.REDIS_PORT,
                "herald.redis.key-prefix=" + prefix).run(app -> {
            assertThat(app).hasSingleBean(RedisStreamsBroker.class);
            Hub first = app.getBean(Hub.class);
            String id = first.publish(List.of("board"), SseEvent.message("shared"));
            // A second node on the same Redis and prefix finds the event in the shared log.
            try (RedisStreamsBroker broker = RedisStreamsBroker.builder("redis://127.0.0.1:" + RequiredServices.REDIS_PORT)
                    .keyPrefix(prefix).build();
                 Hub second = Hub.builder().broker(broker).build()) {
                assertThat(second.position()).isEqualTo(id);
            }
        });
    }

    @Test
    void aRedisUrlWithoutHeraldRedisFailsTheStartWithTheReason() {
        context.withClassLoader(new FilteredClassLoader(RedisStreamsBroker.class))
                .withPropertyValues("herald.redis.url=redis://127.0.0.1:6379").run(app -> {
                    assertThat(app).hasFailed();
                    assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("add the dependency dev.herald:herald-redis");
                });
    }

    @Test
    void shipsMetadataForIdeCompletionOfEveryProperty() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"herald.heartbeat\"", "\"herald.retry\"", "\"herald.max-backlog-bytes\"",
                    "\"herald.dialect\"", "\"herald.redis.url\"", "\"herald.hub.enabled\"", "\"herald.hub.publisher-jwt-key\"");
        }
    }
}
