package dev.herald.app;

import dev.herald.app.agent.provider.ProviderSettings;
import dev.herald.htmx.Dialect;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The app's settings, read from environment variables only ({@link Setting} lists them).
 *
 * @param publisherJwtKey the key publishers' JWTs are signed with, or {@code null}: HTTP
 *                        publishing is off
 * @param tls             the key store to serve HTTPS and HTTP/2 with, or {@code null}: plain HTTP
 * @param dev             dev mode: warn about published events no rendered page listens to
 * @param htmx            the htmx dialect pages use unless they ask for the other ({@code ?htmx=2|4})
 * @param topicLogEvents  how many events each topic's log keeps for replay
 * @param presenceGrace   how long a user stays listed in a room after their last tab's stream ended
 *                        (a reconnecting tab must not make them leave and join)
 * @param jobs            the jobs feature's limits
 * @param agent           who answers at {@code /agent}
 * @param databaseUrl     the PostgreSQL database's JDBC URL, or {@code null}: the SQLite file in
 *                        {@code dataDir}
 * @param nodeTimeout     on PostgreSQL, how long a node may go without a heartbeat before the other
 *                        nodes take it for gone and take its jobs, runs and chat users over
 * @param redis           the Redis that several nodes share the hub through, or {@code null}: the
 *                        in-process hub
 * @param subscribers     how the hub authorizes subscribers
 */
public record AppConfig(String host, int port, Path dataDir, String publisherJwtKey, Tls tls, Duration heartbeat,
                        boolean dev, Dialect htmx, int topicLogEvents, Duration presenceGrace, Jobs jobs,
                        ProviderSettings agent, String databaseUrl, Duration nodeTimeout, Redis redis,
                        Subscribers subscribers) {

    /**
     * How the hub authorizes subscribers (and checks every token's issuer and audience).
     *
     * @param jwtKey    the HS256 key of subscriber tokens, or {@code null}: the publisher key
     * @param anonymous whether subscribers without a token receive public updates
     * @param issuer    the {@code iss} every token must carry, or {@code null}
     * @param audience  the {@code aud} every token must include, or {@code null}
     */
    public record Subscribers(String jwtKey, boolean anonymous, String issuer, String audience) {

        /** No key of their own, anonymous subscribers welcome, any issuer and audience. */
        public static final Subscribers DEFAULT = new Subscribers(null, true, null, null);

        @Override
        public String toString() {
            return "Subscribers[jwtKey=" + (jwtKey == null ? "(unset)" : "(hidden)") + ", anonymous=" + anonymous
                    + ", issuer=" + issuer + ", audience=" + audience + "]";
        }
    }

    /**
     * The Redis the hub's log lives in, shared by every node.
     *
     * @param url       such as {@code redis://127.0.0.1:6379}
     * @param keyPrefix what every key of the log starts with: nodes share a hub when they share both
     */
    public record Redis(String url, String keyPrefix) {
        @Override
        public String toString() {
            return "Redis[url=" + withoutPassword(url) + ", keyPrefix=" + keyPrefix + "]";
        }
    }

    /**
     * The jobs feature's limits.
     *
     * @param uploadMaxBytes     the largest file accepted; a larger upload is refused and nothing is stored
     * @param workers            jobs that run at once; more wait, queued
     * @param readBytesPerSecond how fast one job may read its file, or 0 for as fast as the disk goes
     */
    public record Jobs(long uploadMaxBytes, int workers, long readBytesPerSecond) {
    }

    /** A PKCS#12 or JKS key store and its password. */
    public record Tls(Path keystore, String password) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=(hidden)]";
        }
    }

    @Override
    public String toString() {
        return "AppConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir
                + ", publisherJwtKey=" + (publisherJwtKey == null ? "(unset)" : "(hidden)")
                + ", tls=" + tls + ", heartbeat=" + heartbeat + ", dev=" + dev + ", htmx=" + htmx
                + ", topicLogEvents=" + topicLogEvents + ", presenceGrace=" + presenceGrace
                + ", jobs=" + jobs + ", agent=" + agent
                + ", databaseUrl=" + (databaseUrl == null ? "(unset)" : withoutParameters(databaseUrl))
                + ", nodeTimeout=" + nodeTimeout
                + ", redis=" + (redis == null ? "(unset)" : redis) + ", subscribers=" + subscribers + "]";
    }

    static final int MIN_JWT_KEY_BYTES = 32;
    /** Retries of a provider request refused before it streamed (429, 5xx), honouring retry-after. */
    static final int PROVIDER_RETRIES = 2;

    /** Every setting: its variable, its default ({@code null}: unset) and its meaning. */
    public enum Setting {
        PORT("HERALD_PORT", "8080", "TCP port to listen on, 0-65535 (0: any free port)."),
        HOST("HERALD_HOST", "0.0.0.0", "Address to listen on."),
        DATA_DIR("HERALD_DATA_DIR", "./data", "Directory of the SQLite database herald.db (and of uploads); created if missing."),
        DATABASE_URL("HERALD_DATABASE_URL", null, "JDBC URL of a PostgreSQL database, such as "
                + "jdbc:postgresql://127.0.0.1:5432/herald?user=herald&password=…, migrated on start. Unset: the SQLite file."),
        NODE_TIMEOUT_MILLIS("HERALD_NODE_TIMEOUT_MILLIS", "10000", "With HERALD_DATABASE_URL: milliseconds a node may go "
                + "without a heartbeat (sent every twentieth of this) before the others fail its jobs and agent runs and unlist "
                + "its chat users, 1000-600000."),
        REDIS_URL("HERALD_REDIS_URL", null, "Redis URL, such as redis://127.0.0.1:6379: the hub's events and history live "
                + "there, shared by every node with the same URL and key prefix. Unset: the in-process hub (one node)."),
        REDIS_KEY_PREFIX("HERALD_REDIS_KEY_PREFIX", "herald:", "What the hub's Redis keys start with; nodes share a hub "
                + "when they share HERALD_REDIS_URL and this."),
        PUBLISHER_JWT_KEY("HERALD_PUBLISHER_JWT_KEY", null,
                "HS256 key (32+ bytes) of the JWTs that authorise POST /.well-known/mercure. Unset: HTTP publishing is off."),
        SUBSCRIBER_JWT_KEY("HERALD_SUBSCRIBER_JWT_KEY", null,
                "HS256 key (32+ bytes) of subscribers' JWTs (private updates; cookie or Authorization). Unset: HERALD_PUBLISHER_JWT_KEY."),
        ANONYMOUS_SUBSCRIBERS("HERALD_ANONYMOUS_SUBSCRIBERS", "true",
                "true: subscribers without a token receive public updates; false: they are refused (401)."),
        JWT_ISSUER("HERALD_JWT_ISSUER", null, "The iss every publisher and subscriber JWT must carry. Unset: not checked."),
        JWT_AUDIENCE("HERALD_JWT_AUDIENCE", null, "The aud every publisher and subscriber JWT must include (the hub's URL, say). Unset: not checked."),
        TLS_KEYSTORE("HERALD_TLS_KEYSTORE", null, "Key store file: serve HTTPS with HTTP/2. Unset: plain HTTP."),
        TLS_KEYSTORE_PASSWORD("HERALD_TLS_KEYSTORE_PASSWORD", null, "Password of HERALD_TLS_KEYSTORE; required with it."),
        HEARTBEAT_SECONDS("HERALD_HEARTBEAT_SECONDS", "15", "Seconds between heartbeat comments on an idle stream, 1-3600."),
        DEV("HERALD_DEV", "0", "1: dev mode (warns about published events that no rendered page listens to)."),
        HTMX("HERALD_HTMX", "2", "htmx version pages use, 2 or 4 (a page may ask for the other with ?htmx=2 or ?htmx=4)."),
        TOPIC_LOG_EVENTS("HERALD_TOPIC_LOG_EVENTS", "1024", "Events each topic keeps for replay after a reconnect, 1-1048576."),
        PRESENCE_GRACE_MILLIS("HERALD_PRESENCE_GRACE_MILLIS", "10000",
                "Milliseconds a user stays listed in a chat room after their last tab left, 0-60000."),
        UPLOAD_MAX_BYTES("HERALD_UPLOAD_MAX_BYTES", "67108864", "Largest file /jobs accepts, in bytes (1 to 2^40); larger uploads get 413 and nothing is stored."),
        JOB_WORKERS("HERALD_JOB_WORKERS", "2", "Jobs that run at once, 1-64; later ones wait, queued."),
        JOB_READ_BYTES_PER_SECOND("HERALD_JOB_READ_BYTES_PER_SECOND", "0",
                "How fast one job may read its file, in bytes per second (0: unlimited); spares the disk and CPU for the rest."),
        AGENT_PROVIDER("HERALD_AGENT_PROVIDER", null, "Who answers at /agent: offline, anthropic or openai. Unset: anthropic with "
                + "ANTHROPIC_API_KEY, else openai with HERALD_OPENAI_BASE_URL, else the offline agent (no language model)."),
        ANTHROPIC_API_KEY("ANTHROPIC_API_KEY", null, "Anthropic API key, for the anthropic provider."),
        ANTHROPIC_MODEL("HERALD_ANTHROPIC_MODEL", "claude-sonnet-4-5", "Anthropic model."),
        ANTHROPIC_BASE_URL("HERALD_ANTHROPIC_BASE_URL", null, "Anthropic API base URL. Unset: Anthropic's own."),
        OPENAI_BASE_URL("HERALD_OPENAI_BASE_URL", null, "Base URL of an OpenAI-compatible Chat Completions API, such as "
                + "https://api.openai.com/v1 or http://localhost:11434/v1 (Ollama), for the openai provider."),
        OPENAI_API_KEY("HERALD_OPENAI_API_KEY", null, "API key of HERALD_OPENAI_BASE_URL. Unset: none (local servers)."),
        OPENAI_MODEL("HERALD_OPENAI_MODEL", "gpt-4o-mini", "Model at HERALD_OPENAI_BASE_URL."),
        AGENT_TIMEOUT_SECONDS("HERALD_AGENT_TIMEOUT_SECONDS", "60", "Seconds a provider may stay silent while it answers, 1-600."),
        AGENT_OFFLINE_DELAY_MS("HERALD_AGENT_OFFLINE_DELAY_MS", "40",
                "Milliseconds between the offline agent's words, 0-2000 (it streams like a model).");

        public final String variable;
        public final String defaultValue;
        public final String meaning;

        Setting(String variable, String defaultValue, String meaning) {
            this.variable = variable;
            this.defaultValue = defaultValue;
            this.meaning = meaning;
        }

        /** The value in {@code environment}, or the default; an empty value counts as unset. */
        String in(Map<String, String> environment) {
            String value = environment.get(variable);
            return value == null || value.isEmpty() ? defaultValue : value;
        }
    }

    /** A setting has a value the app cannot use; the message names the variable and the value. */
    public static final class InvalidSettingException extends RuntimeException {
        InvalidSettingException(Setting setting, String value, String expected) {
            super(setting.variable + "=" + value + " is not valid: expected " + expected);
        }

        InvalidSettingException(String message) {
            super(message);
        }
    }

    /**
     * Reads the settings from {@code environment} (such as {@link System#getenv()}).
     *
     * @throws InvalidSettingException for the first setting whose value cannot be used
     */
    public static AppConfig from(Map<String, String> environment) {
        return new AppConfig(
                Setting.HOST.in(environment),
                integer(Setting.PORT, environment, 0, 65_535, "a port number 0-65535"),
                Path.of(Setting.DATA_DIR.in(environment)),
                publisherJwtKey(environment),
                tls(environment),
                Duration.ofSeconds(integer(Setting.HEARTBEAT_SECONDS, environment, 1, 3600, "whole seconds 1-3600")),
                integer(Setting.DEV, environment, 0, 1, "0 or 1") == 1,
                dialect(environment),
                integer(Setting.TOPIC_LOG_EVENTS, environment, 1, 1 << 20, "a count 1-1048576"),
                Duration.ofMillis(integer(Setting.PRESENCE_GRACE_MILLIS, environment, 0, 60_000, "milliseconds 0-60000")),
                new Jobs(
                        number(Setting.UPLOAD_MAX_BYTES, environment, 1, 1L << 40, "a number of bytes 1 to 2^40"),
                        integer(Setting.JOB_WORKERS, environment, 1, 64, "a number of workers 1-64"),
                        number(Setting.JOB_READ_BYTES_PER_SECOND, environment, 0, Long.MAX_VALUE, "bytes per second, 0 or more")),
                agent(environment),
                databaseUrl(environment),
                Duration.ofMillis(integer(Setting.NODE_TIMEOUT_MILLIS, environment, 1000, 600_000, "milliseconds 1000-600000")),
                redis(environment),
                new Subscribers(jwtKey(Setting.SUBSCRIBER_JWT_KEY, environment), bool(Setting.ANONYMOUS_SUBSCRIBERS, environment),
                        Setting.JWT_ISSUER.in(environment), Setting.JWT_AUDIENCE.in(environment)));
    }

    /** What {@code --help} prints: every setting with its default and meaning. */
    public static String help() {
        StringBuilder out = new StringBuilder("""
                Herald reference app: real-time HTMX pages over Server-Sent Events.
                Usage: java -jar herald-app.jar [--help]

                Settings, from environment variables:
                """);
        for (Setting s : Setting.values()) {
            out.append("  %-30s %s%n      %s%n".formatted(
                    s.variable, s.defaultValue == null ? "(unset)" : "default " + s.defaultValue, s.meaning));
        }
        return out.toString();
    }

    private static int integer(Setting setting, Map<String, String> environment, int min, int max, String expected) {
        return (int) number(setting, environment, min, max, expected);
    }

    private static long number(Setting setting, Map<String, String> environment, long min, long max, String expected) {
        String value = setting.in(environment);
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new InvalidSettingException(setting, value, expected);
    }

    private static Dialect dialect(Map<String, String> environment) {
        String value = Setting.HTMX.in(environment);
        try {
            return Dialect.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(Setting.HTMX, value, "2 or 4");
        }
    }

    private static ProviderSettings agent(Map<String, String> environment) {
        String anthropicKey = Setting.ANTHROPIC_API_KEY.in(environment);
        String openAiUrl = Setting.OPENAI_BASE_URL.in(environment);
        String provider = Setting.AGENT_PROVIDER.in(environment);
        if (provider == null) {
            provider = anthropicKey != null ? "anthropic" : openAiUrl != null ? "openai" : "offline";
        }
        Duration timeout = Duration.ofSeconds(integer(Setting.AGENT_TIMEOUT_SECONDS, environment, 1, 600, "whole seconds 1-600"));
        Duration delay = Duration.ofMillis(integer(Setting.AGENT_OFFLINE_DELAY_MS, environment, 0, 2000, "milliseconds 0-2000"));
        return switch (provider.strip()) {
            case "offline" -> ProviderSettings.offline(delay);
            case "anthropic" -> {
                if (anthropicKey == null) {
                    throw new InvalidSettingException(Setting.AGENT_PROVIDER.variable + "=anthropic needs "
                            + Setting.ANTHROPIC_API_KEY.variable);
                }
                yield new ProviderSettings(ProviderSettings.Kind.ANTHROPIC, Setting.ANTHROPIC_MODEL.in(environment),
                        url(Setting.ANTHROPIC_BASE_URL, environment), anthropicKey, timeout, PROVIDER_RETRIES, delay);
            }
            case "openai" -> {
                if (openAiUrl == null) {
                    throw new InvalidSettingException(Setting.AGENT_PROVIDER.variable + "=openai needs "
                            + Setting.OPENAI_BASE_URL.variable);
                }
                yield new ProviderSettings(ProviderSettings.Kind.OPENAI, Setting.OPENAI_MODEL.in(environment),
                        url(Setting.OPENAI_BASE_URL, environment), Setting.OPENAI_API_KEY.in(environment), timeout,
                        PROVIDER_RETRIES, delay);
            }
            default -> throw new InvalidSettingException(Setting.AGENT_PROVIDER, provider, "offline, anthropic or openai");
        };
    }

    private static String url(Setting setting, Map<String, String> environment) {
        String value = setting.in(environment);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below, with the variable's name
        }
        throw new InvalidSettingException(setting, value, "an http or https URL");
    }

    private static String publisherJwtKey(Map<String, String> environment) {
        return jwtKey(Setting.PUBLISHER_JWT_KEY, environment);
    }

    private static boolean bool(Setting setting, Map<String, String> environment) {
        String value = setting.in(environment);
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidSettingException(setting, value, "true or false");
        }
        return value.equals("true");
    }

    private static String jwtKey(Setting setting, Map<String, String> environment) {
        String key = setting.in(environment);
        int bytes = key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length;
        if (key != null && bytes < MIN_JWT_KEY_BYTES) {
            // The value is a secret: say how long it is, not what it is.
            throw new InvalidSettingException(setting.variable + " has " + bytes
                    + " bytes: expected at least " + MIN_JWT_KEY_BYTES + " (an HS256 key as long as the hash, RFC 7518 §3.2)");
        }
        return key;
    }

    private static String databaseUrl(Map<String, String> environment) {
        String url = Setting.DATABASE_URL.in(environment);
        if (url == null || url.strip().startsWith("jdbc:postgresql://")) {
            return url == null ? null : url.strip();
        }
        // The value may hold a password: show it without its parameters.
        throw new InvalidSettingException(Setting.DATABASE_URL, withoutParameters(url),
                "a PostgreSQL JDBC URL, jdbc:postgresql://host:port/database?user=…");
    }

    private static Redis redis(Map<String, String> environment) {
        String url = Setting.REDIS_URL.in(environment);
        if (url == null) {
            return null;
        }
        url = url.strip();
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new InvalidSettingException(Setting.REDIS_URL, withoutPassword(url),
                    "a Redis URL, redis://host:port (rediss:// for TLS)");
        }
        return new Redis(url, Setting.REDIS_KEY_PREFIX.in(environment));
    }

    /** The URL without what may be a password ({@code redis://:secret@host}). */
    private static String withoutPassword(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        return at < 0 || scheme < 0 ? url : url.substring(0, scheme + 3) + "…@" + url.substring(at + 1);
    }

    private static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters) + "?…";
    }

    private static Tls tls(Map<String, String> environment) {
        String keystore = Setting.TLS_KEYSTORE.in(environment);
        String password = Setting.TLS_KEYSTORE_PASSWORD.in(environment);
        if (keystore == null) {
            if (password != null) {
                throw new InvalidSettingException(Setting.TLS_KEYSTORE_PASSWORD.variable
                        + " is set but " + Setting.TLS_KEYSTORE.variable + " is not: set both for HTTPS, or neither");
            }
            return null;
        }
        if (password == null) {
            throw new InvalidSettingException(Setting.TLS_KEYSTORE.variable + "=" + keystore
                    + " needs " + Setting.TLS_KEYSTORE_PASSWORD.variable + " as well");
        }
        Path file = Path.of(keystore);
        if (!Files.isReadable(file)) {
            throw new InvalidSettingException(Setting.TLS_KEYSTORE, keystore, "a readable key store file");
        }
        return new Tls(file, password);
    }
}
