package dev.herald.redis;

import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Publication;
import dev.herald.hub.spi.Broker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A {@link Broker} on Redis Streams: every Herald node built with
 * {@code Hub.builder().broker(RedisStreamsBroker.builder("redis://…").build())} on the same Redis
 * and key prefix shares topics, ids and history with the others.
 *
 * <p><b>In Redis.</b> A Lua script appends each publication atomically: it takes the next global
 * position ({@code INCR}), adds the entry to a feed stream that every node tails and to one stream
 * per topic (the history replay reads), and trims each topic's stream to its bounds (count and
 * bytes, oldest first). Stream entry ids are the positions ({@code <position>-0}). The epoch is a
 * key; a Redis that lost its data has none, and the next node to look creates a new one — every
 * node's tail checks it about every half second, so subscribers learn of the loss while connected.
 *
 * <p><b>Requirements.</b> Redis 7 (or a compatible server), a single primary (not Cluster), and
 * {@code maxmemory-policy noeviction}: an evicted key would lose history without changing the
 * epoch. Persistence (AOF) is what keeps history across a Redis restart; without it a restart is a
 * new epoch, which subscribers see as a gap.
 *
 * <p><b>Failure.</b> Every call fails fast with {@link HubUnavailableException} while Redis cannot
 * be reached (Lettuce reconnects in the background); the tail reports it and recovers by itself.
 */
public final class RedisStreamsBroker implements Broker {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Keys keys;
    private final Builder settings;
    private final String where;
    private final Script position;
    private final Script append;
    private final Script read;

    private RedisStreamsBroker(Builder settings) {
        this.settings = settings;
        this.keys = new Keys(settings.keyPrefix);
        RedisURI uri = RedisURI.create(settings.url);
        // Connecting (and its handshake) may take longer than a command on a busy machine's cold JVM.
        uri.setTimeout(CONNECT_TIMEOUT.compareTo(settings.commandTimeout) > 0 ? CONNECT_TIMEOUT : settings.commandTimeout);
        this.where = "Redis at " + uri.getHost() + ":" + uri.getPort();
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail at once while disconnected rather than queue: a publish must not wait for Redis.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout))
                .build());
        try {
            this.connection = client.connect(StringCodec.UTF8);
        } catch (RedisException e) {
            client.shutdown();
            throw unavailable(e);
        }
        this.redis = connection.sync();
        this.position = Script.load("position.lua", redis);
        this.append = Script.load("append.lua", redis);
        this.read = Script.load("read.lua", redis);
    }

    /**
     * A broker on the Redis at {@code url} ({@code redis://host:port}, {@code rediss://…} for TLS,
     * {@code redis://:password@host:port/database}).
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    @Override
    public Entry append(Publication publication) {
        List<String> topics = List.copyOf(new LinkedHashSet<>(publication.topics()));
        List<String> fields = EntryFields.of(publication);
        String[] keyNames = new String[7 + topics.size()];
        keyNames[0] = keys.epoch();
        keyNames[1] = keys.sequence();
        keyNames[2] = keys.feed();
        keyNames[3] = keys.topics();
        keyNames[4] = keys.bytesPerTopic();
        keyNames[5] = keys.newestPerTopic();
        keyNames[6] = keys.publisherIds();
        for (int i = 0; i < topics.size(); i++) {
            keyNames[7 + i] = keys.topic(topics.get(i));
        }
        List<String> args = new ArrayList<>(8 + topics.size() + fields.size());
        args.add(candidateEpoch());
        args.add(Integer.toString(settings.maxEventsPerTopic));
        args.add(Long.toString(settings.maxBytesPerTopic));
        args.add(Integer.toString(settings.feedLength));
        args.add(Integer.toString(settings.publisherIdsKept));
        String publisherId = publication.message().id();
        args.add(publisherId == null ? "" : publisherId);
        args.add(Long.toString(EntryFields.size(fields)));
        args.add(Integer.toString(topics.size()));
        args.addAll(topics);
        args.addAll(fields);
        List<Object> result = call(() -> append.run(redis, keyNames, args.toArray(String[]::new)));
        return new Entry((String) result.get(0), (Long) result.get(1), publication);
    }

    @Override
    public Position position() {
        return call(this::readPosition);
    }

    /** The position, or a {@link RedisException} (the tail handles those itself). */
    Position readPosition() {
        List<Object> result = position.run(redis, new String[] {keys.epoch(), keys.sequence()}, candidateEpoch());
        return new Position((String) result.get(0), (Long) result.get(1));
    }

    @Override
    public OptionalLong find(String id) {
        Double score = call(() -> redis.zscore(keys.publisherIds(), id));
        return score == null ? OptionalLong.empty() : OptionalLong.of(score.longValue());
    }

    @Override
    public Set<String> topics() {
        return call(() -> Set.copyOf(redis.smembers(keys.topics())));
    }

    @Override
    @SuppressWarnings("unchecked")
    public History read(Set<String> topics, long after, long upTo) {
        List<String> names = List.copyOf(topics);
        String[] keyNames = new String[2 + names.size()];
        keyNames[0] = keys.epoch();
        keyNames[1] = keys.newestPerTopic();
        List<String> args = new ArrayList<>(4 + names.size());
        args.add(candidateEpoch());
        args.add(Long.toString(after));
        args.add((after + 1) + "-0");
        args.add(upTo + "-0");
        for (int i = 0; i < names.size(); i++) {
            keyNames[2 + i] = keys.topic(names.get(i));
            args.add(names.get(i));
        }
        List<Object> result = names.isEmpty() || upTo <= after
                ? null
                : call(() -> read.run(redis, keyNames, args.toArray(String[]::new)));
        if (result == null) {
            return new History(position().epoch(), List.of(), Set.of());
        }
        String epoch = (String) result.get(0);
        TreeMap<Long, Entry> entries = new TreeMap<>();
        Set<String> lost = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            boolean dropped = (Long) result.get(1 + 2 * i) == 1L;
            if (dropped) {
                lost.add(names.get(i));
                if (after > 0) {
                    continue;
                }
            }
            for (Object item : (List<Object>) result.get(2 + 2 * i)) {
                List<Object> entry = (List<Object>) item;
                String id = (String) entry.get(0);
                entries.computeIfAbsent(EntryFields.position(id), p -> EntryFields.entry(epoch, id, pairs((List<Object>) entry.get(1))));
            }
        }
        return new History(epoch, List.copyOf(entries.values()), lost);
    }

    @Override
    public AutoCloseable tail(Position from, Listener listener) {
        StatefulRedisConnection<String, String> tailConnection = call(() -> client.connect(StringCodec.UTF8));
        // XREAD blocks for FeedTail.BLOCK; the command timeout is counted on top of it.
        tailConnection.setTimeout(settings.commandTimeout.plus(FeedTail.BLOCK));
        return FeedTail.start(this, tailConnection, keys.feed(), from, listener);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** Runs a Redis call, turning Redis being unreachable into {@link HubUnavailableException}. */
    <T> T call(Supplier<T> redisCall) {
        try {
            return redisCall.get();
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    RuntimeException unavailable(RedisException e) {
        if (e instanceof RedisCommandExecutionException && !unavailableReply(e.getMessage())) {
            // Redis answered, with an error: a bug or a misconfiguration, not an outage.
            return new IllegalStateException(where + " refused a command: " + e.getMessage(), e);
        }
        return new HubUnavailableException(where + " is unreachable: " + e.getMessage(), e);
    }

    private static boolean unavailableReply(String message) {
        return message != null && (message.startsWith("LOADING") || message.startsWith("BUSY")
                || message.startsWith("MASTERDOWN") || message.startsWith("READONLY") || message.startsWith("TRYAGAIN"));
    }

    private static Map<String, String> pairs(List<Object> flat) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return map;
    }

    private static String candidateEpoch() {
        String digits = Long.toString(RANDOM.nextLong(2_821_109_907_456L), 36); // 36^8
        return "0".repeat(8 - digits.length()) + digits;
    }

    /** Settings of a {@link RedisStreamsBroker}; every one but the URL has a default. */
    public static final class Builder {
        private final String url;
        private String keyPrefix = "herald:";
        private int maxEventsPerTopic = 1024;
        private long maxBytesPerTopic = 1L << 20;
        private int feedLength = 100_000;
        private int publisherIdsKept = 100_000;
        private Duration commandTimeout = Duration.ofSeconds(2);

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
            RedisURI.create(url); // checks it
        }

        /**
         * What every key of this log starts with (default {@code herald:}): nodes share a log when
         * they share Redis and prefix; other prefixes are other logs in the same Redis.
         */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("key prefix is empty");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** The most entries a topic's history keeps (default 1024), as {@code Hub.Builder}'s bound. */
        public Builder maxEventsPerTopic(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxEventsPerTopic must be positive, was " + count);
            }
            this.maxEventsPerTopic = count;
            return this;
        }

        /** The most bytes a topic's history keeps (default 1 MiB); the oldest entries go first. */
        public Builder maxBytesPerTopic(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBytesPerTopic must be positive, was " + bytes);
            }
            this.maxBytesPerTopic = bytes;
            return this;
        }

        /**
         * About how many entries the feed every node tails keeps (default 100,000): a node that
         * falls further behind (a long pause) reports a gap to its subscribers.
         */
        public Builder feedLength(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("feedLength must be positive, was " + entries);
            }
            this.feedLength = entries;
            return this;
        }

        /** How many publisher ids stay resolvable as a Last-Event-ID (default 100,000, the newest). */
        public Builder publisherIdsKept(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("publisherIdsKept must be positive, was " + count);
            }
            this.publisherIdsKept = count;
            return this;
        }

        /** How long a Redis command may take before Redis counts as unreachable (default 2 s). */
        public Builder commandTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive, was " + timeout);
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * Connects.
         *
         * @throws HubUnavailableException when Redis cannot be reached
         */
        public RedisStreamsBroker build() {
            return new RedisStreamsBroker(this);
        }
    }
}
