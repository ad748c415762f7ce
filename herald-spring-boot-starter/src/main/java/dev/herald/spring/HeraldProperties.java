package dev.herald.spring;

import dev.herald.htmx.Dialect;
import dev.herald.stream.StreamWriter;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Herald's settings, {@code herald.*} in {@code application.properties}; every one has a default.
 * An IDE completes them from the metadata the starter ships.
 */
@ConfigurationProperties("herald")
public class HeraldProperties {

    /** How long a stream may stay silent before a ':' comment is written; also how long a write may stall. */
    private Duration heartbeat = Duration.ofSeconds(15);

    /** The reconnection delay written first on every stream. */
    private Duration retry = Duration.ofSeconds(3);

    /**
     * The most bytes queued for one stream before it is ended as a slow consumer (its client
     * reconnects and catches up); keep it well under {@link #maxBytesPerTopic}, so what the client
     * missed is still in the log.
     */
    private long maxBacklogBytes = StreamWriter.DEFAULT_MAX_BACKLOG_BYTES;

    /** The most events each topic's log keeps for replay (rounded up to a power of two). */
    private int maxEventsPerTopic = 1024;

    /** The most encoded bytes each topic's log keeps for replay; the oldest go first. */
    private long maxBytesPerTopic = 1 << 20;

    /** The htmx version pages are written for: htmx 2 with its SSE extension, or htmx 4. */
    private Dialect dialect = Dialect.HTMX_2;

    /** Log a warning when an event is published that no rendered page declared (development aid). */
    private boolean devMode;

    private final Hub hub = new Hub();

    private final Redis redis = new Redis();

    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    public Duration getRetry() {
        return retry;
    }

    public void setRetry(Duration retry) {
        this.retry = retry;
    }

    public long getMaxBacklogBytes() {
        return maxBacklogBytes;
    }

    public void setMaxBacklogBytes(long maxBacklogBytes) {
        this.maxBacklogBytes = maxBacklogBytes;
    }

    public int getMaxEventsPerTopic() {
        return maxEventsPerTopic;
    }

    public void setMaxEventsPerTopic(int maxEventsPerTopic) {
        this.maxEventsPerTopic = maxEventsPerTopic;
    }

    public long getMaxBytesPerTopic() {
        return maxBytesPerTopic;
    }

    public void setMaxBytesPerTopic(long maxBytesPerTopic) {
        this.maxBytesPerTopic = maxBytesPerTopic;
    }

    public Dialect getDialect() {
        return dialect;
    }

    public void setDialect(Dialect dialect) {
        this.dialect = dialect;
    }

    public boolean isDevMode() {
        return devMode;
    }

    public void setDevMode(boolean devMode) {
        this.devMode = devMode;
    }

    public Hub getHub() {
        return hub;
    }

    public Redis getRedis() {
        return redis;
    }

    /** The Mercure hub endpoint, /.well-known/mercure: pages subscribe there, other services may publish. */
    public static class Hub {

        /** Serve the hub endpoint in the application's servlet container. */
        private boolean enabled = true;

        /**
         * The HS256 key publisher JWTs are signed with, at least 32 bytes; unset turns publishing
         * over HTTP off (POST answers 403): publish from Java with the Hub bean.
         */
        private String publisherJwtKey;

        /** The largest publish body accepted, in bytes (413 past it). */
        private int maxPublishBytes = 1 << 20;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPublisherJwtKey() {
            return publisherJwtKey;
        }

        public void setPublisherJwtKey(String publisherJwtKey) {
            this.publisherJwtKey = publisherJwtKey;
        }

        public int getMaxPublishBytes() {
            return maxPublishBytes;
        }

        public void setMaxPublishBytes(int maxPublishBytes) {
            this.maxPublishBytes = maxPublishBytes;
        }
    }

    /** A hub shared by several application nodes through Redis (herald-redis). */
    public static class Redis {

        /**
         * The Redis server, as redis://host:port, for a hub shared through Redis Streams (add
         * dev.herald:herald-redis); unset for the in-process hub.
         */
        private String url;

        /** The prefix of every Redis key the hub writes: one per application sharing a Redis. */
        private String keyPrefix = "herald:";

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }
}
