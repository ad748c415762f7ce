package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.htmx.Dialect;
import dev.herald.htmx.Htmx;
import dev.herald.hub.Hub;
import dev.herald.servlet.HeraldStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
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
    void aRedisUrlFailsTheStartWithTheReasonUntilTheStarterHasARedisHub() {
        context.withPropertyValues("herald.redis.url=redis://127.0.0.1:6379").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("herald.redis.url is set");
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
