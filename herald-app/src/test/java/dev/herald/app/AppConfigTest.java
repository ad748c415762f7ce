package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.app.agent.provider.ProviderSettings;
import dev.herald.htmx.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @Test
    void withNoVariablesEveryDefaultApplies() {
        AppConfig config = AppConfig.from(Map.of());

        assertThat(config).isEqualTo(new AppConfig("0.0.0.0", 8080, Path.of("./data"), null, null, Duration.ofSeconds(15),
                false, Dialect.HTMX_2, 1024, Duration.ofSeconds(10),
                new AppConfig.Jobs(64L << 20, 2, 0),
                ProviderSettings.offline(Duration.ofMillis(40)), null, Duration.ofSeconds(10), null, AppConfig.Subscribers.DEFAULT));
    }

    @Test
    void readsTheSubscriberSettings() {
        AppConfig config = AppConfig.from(Map.of(
                "HERALD_SUBSCRIBER_JWT_KEY", "a-subscriber-key-of-32-bytes-or-more",
                "HERALD_ANONYMOUS_SUBSCRIBERS", "false",
                "HERALD_JWT_ISSUER", "https://example.com",
                "HERALD_JWT_AUDIENCE", "https://example.com/.well-known/mercure"));

        assertThat(config.subscribers()).isEqualTo(new AppConfig.Subscribers("a-subscriber-key-of-32-bytes-or-more", false,
                "https://example.com", "https://example.com/.well-known/mercure"));
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_ANONYMOUS_SUBSCRIBERS", "yes")))
                .hasMessage("HERALD_ANONYMOUS_SUBSCRIBERS=yes is not valid: expected true or false");
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_SUBSCRIBER_JWT_KEY", "short")))
                .hasMessageStartingWith("HERALD_SUBSCRIBER_JWT_KEY has 5 bytes");
    }

    @Test
    void readsEveryVariable(@TempDir Path dir) throws Exception {
        Path keystore = Files.writeString(dir.resolve("keystore.p12"), "not checked here");

        AppConfig config = AppConfig.from(Map.of(
                "HERALD_PORT", "9090",
                "HERALD_HOST", "127.0.0.1",
                "HERALD_DATA_DIR", "/var/lib/herald",
                "HERALD_PUBLISHER_JWT_KEY", "a-publisher-key-of-32-bytes-or-more",
                "HERALD_TLS_KEYSTORE", keystore.toString(),
                "HERALD_TLS_KEYSTORE_PASSWORD", "changeit",
                "HERALD_HEARTBEAT_SECONDS", "30",
                "HERALD_UPLOAD_MAX_BYTES", "1048576",
                "HERALD_JOB_WORKERS", "4",
                "HERALD_JOB_READ_BYTES_PER_SECOND", "500000"));

        assertThat(config).isEqualTo(new AppConfig("127.0.0.1", 9090, Path.of("/var/lib/herald"), "a-publisher-key-of-32-bytes-or-more",
                new AppConfig.Tls(keystore, "changeit"), Duration.ofSeconds(30), false, Dialect.HTMX_2, 1024, Duration.ofSeconds(10),
                new AppConfig.Jobs(1 << 20, 4, 500_000),
                ProviderSettings.offline(Duration.ofMillis(40)), null, Duration.ofSeconds(10), null, AppConfig.Subscribers.DEFAULT));
    }

    @Test
    void anEmptyValueCountsAsUnset() {
        assertThat(AppConfig.from(Map.of("HERALD_PORT", "", "HERALD_PUBLISHER_JWT_KEY", "")))
                .isEqualTo(AppConfig.from(Map.of()));
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheVariableAndTheValue() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_PORT", "abc")))
                .isInstanceOf(AppConfig.InvalidSettingException.class)
                .hasMessage("HERALD_PORT=abc is not valid: expected a port number 0-65535");
    }

    @Test
    void theNodeTimeoutIsReadInMillisecondsWithinItsBounds() {
        assertThat(AppConfig.from(Map.of("HERALD_NODE_TIMEOUT_MILLIS", "2500")).nodeTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_NODE_TIMEOUT_MILLIS", "999")))
                .hasMessage("HERALD_NODE_TIMEOUT_MILLIS=999 is not valid: expected milliseconds 1000-600000");
    }

    @Test
    void aRedisUrlPutsTheHubOnRedisUnderTheKeyPrefix() {
        assertThat(AppConfig.from(Map.of("HERALD_REDIS_URL", "redis://cache:6379")).redis())
                .isEqualTo(new AppConfig.Redis("redis://cache:6379", "herald:"));
        assertThat(AppConfig.from(Map.of("HERALD_REDIS_URL", "rediss://:s3cret@cache:6380", "HERALD_REDIS_KEY_PREFIX", "shop:")).redis())
                .isEqualTo(new AppConfig.Redis("rediss://:s3cret@cache:6380", "shop:"))
                .hasToString("Redis[url=rediss://…@cache:6380, keyPrefix=shop:]");
    }

    @Test
    void aRedisUrlOfAnotherSchemeIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_REDIS_URL", "http://:s3cret@cache:6379")))
                .isInstanceOf(AppConfig.InvalidSettingException.class)
                .hasMessage("HERALD_REDIS_URL=http://…@cache:6379 is not valid: expected a Redis URL, redis://host:port (rediss:// for TLS)");
    }

    @Test
    void aPostgresqlUrlPutsTheAppOnPostgresql() {
        assertThat(AppConfig.from(Map.of("HERALD_DATABASE_URL", " jdbc:postgresql://db:5432/herald?user=herald ")).databaseUrl())
                .isEqualTo("jdbc:postgresql://db:5432/herald?user=herald");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsRefusedWithoutItsParameters() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_DATABASE_URL", "jdbc:mysql://db/herald?password=s3cret")))
                .hasMessage("HERALD_DATABASE_URL=jdbc:mysql://db/herald?… is not valid: "
                        + "expected a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database?user=…");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_PORT", "65536")))
                .hasMessage("HERALD_PORT=65536 is not valid: expected a port number 0-65535");
    }

    @Test
    void aWorkerCountOutOfRangeIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_JOB_WORKERS", "0")))
                .hasMessage("HERALD_JOB_WORKERS=0 is not valid: expected a number of workers 1-64");
    }

    @Test
    void anUploadLimitThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_UPLOAD_MAX_BYTES", "64M")))
                .hasMessage("HERALD_UPLOAD_MAX_BYTES=64M is not valid: expected a number of bytes 1 to 2^40");
    }

    @Test
    void aHeartbeatOfZeroSecondsIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_HEARTBEAT_SECONDS", "0")))
                .hasMessage("HERALD_HEARTBEAT_SECONDS=0 is not valid: expected whole seconds 1-3600");
    }

    @Test
    void aShortPublisherKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_PUBLISHER_JWT_KEY", "short-secret")))
                .hasMessage("HERALD_PUBLISHER_JWT_KEY has 12 bytes: expected at least 32 (an HS256 key as long as the hash, RFC 7518 §3.2)");
    }

    @Test
    void aKeyStoreWithoutItsPasswordIsRefused(@TempDir Path dir) throws Exception {
        Path keystore = Files.writeString(dir.resolve("keystore.p12"), "x");

        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_TLS_KEYSTORE", keystore.toString())))
                .hasMessage("HERALD_TLS_KEYSTORE=" + keystore + " needs HERALD_TLS_KEYSTORE_PASSWORD as well");
    }

    @Test
    void aKeyStoreThatCannotBeReadIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of(
                "HERALD_TLS_KEYSTORE", "/no/such/keystore.p12", "HERALD_TLS_KEYSTORE_PASSWORD", "x")))
                .hasMessage("HERALD_TLS_KEYSTORE=/no/such/keystore.p12 is not valid: expected a readable key store file");
    }

    @Test
    void secretsNeverShowInToString(@TempDir Path dir) throws Exception {
        Path keystore = Files.writeString(dir.resolve("keystore.p12"), "x");

        AppConfig config = AppConfig.from(Map.of("HERALD_PUBLISHER_JWT_KEY", "jwt-secret-jwt-secret-jwt-secret-jwt-secret",
                "HERALD_TLS_KEYSTORE", keystore.toString(), "HERALD_TLS_KEYSTORE_PASSWORD", "store-secret",
                "HERALD_DATABASE_URL", "jdbc:postgresql://db/herald?user=app&password=db-secret"));

        assertThat(config.toString()).doesNotContain("jwt-secret", "store-secret", "db-secret")
                .contains("databaseUrl=jdbc:postgresql://db/herald?…");
    }

    @Test
    void helpListsEverySettingWithItsDefaultAndMeaning() {
        String help = AppConfig.help();

        for (AppConfig.Setting setting : AppConfig.Setting.values()) {
            assertThat(help).contains(setting.variable, setting.meaning);
        }
        assertThat(help).contains("default 8080", "default 0.0.0.0", "default ./data", "default 15");
    }

    @Test
    void readsTheHtmxDialectDevModeLogSizeAndPresenceGrace() {
        AppConfig config = AppConfig.from(Map.of("HERALD_HTMX", "4", "HERALD_DEV", "1",
                "HERALD_TOPIC_LOG_EVENTS", "64", "HERALD_PRESENCE_GRACE_MILLIS", "250"));

        assertThat(config.htmx()).isEqualTo(Dialect.HTMX_4);
        assertThat(config.dev()).isTrue();
        assertThat(config.topicLogEvents()).isEqualTo(64);
        assertThat(config.presenceGrace()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesAnHtmxOtherThanTwoOrFour() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_HTMX", "3")))
                .isInstanceOf(AppConfig.InvalidSettingException.class)
                .hasMessage("HERALD_HTMX=3 is not valid: expected 2 or 4");
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_DEV", "yes")))
                .hasMessage("HERALD_DEV=yes is not valid: expected 0 or 1");
    }

    @Test
    void theAgentIsOfflineUnlessAKeyOrABaseUrlIsConfigured() {
        assertThat(AppConfig.from(Map.of()).agent().kind()).isEqualTo(ProviderSettings.Kind.OFFLINE);

        ProviderSettings anthropic = AppConfig.from(Map.of("ANTHROPIC_API_KEY", "sk-ant-test")).agent();
        assertThat(anthropic.kind()).isEqualTo(ProviderSettings.Kind.ANTHROPIC);
        assertThat(anthropic.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(anthropic.toString()).doesNotContain("sk-ant-test");

        ProviderSettings openAi = AppConfig.from(Map.of("HERALD_OPENAI_BASE_URL", "http://localhost:11434/v1",
                "HERALD_OPENAI_MODEL", "llama3.2", "HERALD_AGENT_TIMEOUT_SECONDS", "20")).agent();
        assertThat(openAi).isEqualTo(new ProviderSettings(ProviderSettings.Kind.OPENAI, "llama3.2", "http://localhost:11434/v1",
                null, Duration.ofSeconds(20), AppConfig.PROVIDER_RETRIES, Duration.ofMillis(40)));

        assertThat(AppConfig.from(Map.of("ANTHROPIC_API_KEY", "k", "HERALD_AGENT_PROVIDER", "offline")).agent().kind())
                .isEqualTo(ProviderSettings.Kind.OFFLINE);
    }

    @Test
    void anAgentProviderWithoutWhatItNeedsIsRefused() {
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_AGENT_PROVIDER", "anthropic")))
                .hasMessage("HERALD_AGENT_PROVIDER=anthropic needs ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_AGENT_PROVIDER", "openai")))
                .hasMessage("HERALD_AGENT_PROVIDER=openai needs HERALD_OPENAI_BASE_URL");
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_AGENT_PROVIDER", "gpt")))
                .hasMessage("HERALD_AGENT_PROVIDER=gpt is not valid: expected offline, anthropic or openai");
        assertThatThrownBy(() -> AppConfig.from(Map.of("HERALD_OPENAI_BASE_URL", "localhost:11434")))
                .hasMessage("HERALD_OPENAI_BASE_URL=localhost:11434 is not valid: expected an http or https URL");
    }
}
