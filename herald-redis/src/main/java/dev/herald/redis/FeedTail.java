package dev.herald.redis;

import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.spi.Broker;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's tail of the feed stream: reads every entry in position order ({@code XREAD BLOCK} on a
 * connection of its own) and hands it to the hub. It also notices, and reports, what would
 * otherwise be silent: the epoch changing (checked about every {@link #EPOCH_CHECK}, and on every
 * entry), entries skipped because the feed was trimmed past this node, and Redis being unreachable
 * (it then retries every {@link #RETRY} until Redis answers).
 */
final class FeedTail implements AutoCloseable {

    /** How long one XREAD waits for entries. */
    static final Duration BLOCK = Duration.ofMillis(500);
    /** How often the epoch is checked when entries do not come (a Redis that lost its data is quiet). */
    static final Duration EPOCH_CHECK = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofMillis(250);
    private static final int BATCH = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FeedTail.class);

    private final RedisStreamsBroker broker;
    private final StatefulRedisConnection<String, String> connection;
    private final String feed;
    private final Broker.Listener listener;
    private final Thread thread;
    private volatile boolean stopped;

    private String epoch;
    private long last; // the position of the last entry handed over
    private boolean down;
    private long epochCheckedAt;

    private FeedTail(RedisStreamsBroker broker, StatefulRedisConnection<String, String> connection, String feed,
                     Broker.Position from, Broker.Listener listener) {
        this.broker = broker;
        this.connection = connection;
        this.feed = feed;
        this.listener = listener;
        this.epoch = from.epoch();
        this.last = from.sequence();
        this.thread = Thread.ofPlatform().daemon().name("herald-redis-tail").unstarted(this::run);
    }

    static FeedTail start(RedisStreamsBroker broker, StatefulRedisConnection<String, String> connection, String feed,
                          Broker.Position from, Broker.Listener listener) {
        FeedTail tail = new FeedTail(broker, connection, feed, from, listener);
        tail.thread.start();
        return tail;
    }

    private void run() {
        while (!stopped) {
            try {
                if (System.nanoTime() - epochCheckedAt >= EPOCH_CHECK.toNanos() || down) {
                    checkEpoch();
                }
                List<StreamMessage<String, String>> batch = connection.sync().xread(
                        XReadArgs.Builder.block(BLOCK).count(BATCH), XReadArgs.StreamOffset.from(feed, last + "-0"));
                if (batch != null) {
                    handOver(batch);
                }
            } catch (RedisException e) {
                if (stopped) {
                    return;
                }
                if (!down) {
                    down = true;
                    HubUnavailableException cause = broker.unavailable(e) instanceof HubUnavailableException u
                            ? u : new HubUnavailableException("Redis refused the tail's command: " + e.getMessage(), e);
                    LOG.warn("{}; retrying every {} ms", cause.getMessage(), RETRY.toMillis());
                    listener.onUnavailable(cause);
                }
                pause();
            } catch (RuntimeException e) {
                // A listener or decoding failure must not end the node's tail: report and go on.
                LOG.error("tail of {} failed on an entry; going on after it", feed, e);
                pause();
            }
        }
    }

    private void checkEpoch() {
        Broker.Position now = broker.readPosition();
        epochCheckedAt = System.nanoTime();
        if (down) {
            down = false;
            LOG.info("Redis answers again");
            listener.onAvailable();
        }
        if (!now.epoch().equals(epoch)) {
            lost(new Broker.Position(now.epoch(), 0));
        }
    }

    private void handOver(List<StreamMessage<String, String>> batch) {
        for (StreamMessage<String, String> message : batch) {
            String entryEpoch = message.getBody().get(EntryFields.EPOCH);
            if (!epoch.equals(entryEpoch)) {
                // Redis lost its data and entries of the new epoch came first: read them from the start.
                lost(new Broker.Position(entryEpoch, 0));
                return;
            }
            long position = EntryFields.position(message.getId());
            if (position > last + 1) {
                lost(new Broker.Position(epoch, position - 1));
            }
            listener.onEntry(EntryFields.entry(epoch, message.getId(), message.getBody()));
            last = position;
        }
    }

    private void lost(Broker.Position from) {
        LOG.warn("the log of {} lost entries: epoch {} → {}, resuming after {}", feed, epoch, from.epoch(), from.sequence());
        epoch = from.epoch();
        last = from.sequence();
        listener.onLost(from);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(BLOCK.multipliedBy(4).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
