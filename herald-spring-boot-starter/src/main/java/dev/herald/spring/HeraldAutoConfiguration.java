package dev.herald.spring;

import dev.herald.htmx.Htmx;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import dev.herald.redis.RedisStreamsBroker;
import dev.herald.servlet.HeraldStreams;
import dev.herald.stream.ResetEvent;
import dev.herald.stream.StreamWriter;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The beans every Herald application has: the {@link Hub}, the {@link HeraldStreams} that write its
 * event streams in the servlet container, the {@link Htmx} layer, and {@link AfterCommit}. Each
 * backs off when the application declares its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(HeraldProperties.class)
public class HeraldAutoConfiguration {

    /** In-process; shut down with the context, so every open stream gets the final event. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Hub heraldHub(HeraldProperties properties) {
        if (properties.getRedis().getUrl() != null) {
            // The Redis configuration below did not apply: refuse rather than run a single-node hub
            // the operator did not ask for.
            throw new IllegalStateException("herald.redis.url is set, but herald-redis is not on the class path:"
                    + " add the dependency dev.herald:herald-redis, or unset herald.redis.url for the in-process hub");
        }
        return Hub.builder()
                .maxEventsPerTopic(properties.getMaxEventsPerTopic())
                .maxBytesPerTopic(properties.getMaxBytesPerTopic())
                .build();
    }

    /** With herald-redis and {@code herald.redis.url}: a hub on Redis Streams, shared by every node of the application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedisStreamsBroker.class)
    @ConditionalOnProperty("herald.redis.url")
    static class Redis {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        RedisStreamsBroker heraldRedisBroker(HeraldProperties properties) {
            return RedisStreamsBroker.builder(properties.getRedis().getUrl())
                    .keyPrefix(properties.getRedis().getKeyPrefix())
                    .maxEventsPerTopic(properties.getMaxEventsPerTopic())
                    .maxBytesPerTopic(properties.getMaxBytesPerTopic())
                    .build();
        }

        /** The broker is closed after the hub (it was created first). */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        Hub heraldHub(RedisStreamsBroker broker) {
            return Hub.builder().broker(broker).build();
        }
    }

    /** Shuts the hub down first when the application stops, so open streams end before the server waits for them. */
    @Bean
    @ConditionalOnMissingBean(name = "heraldHubShutdown")
    SmartLifecycle heraldHubShutdown(Hub hub) {
        return new HubShutdown(hub);
    }

    /** Every {@link SnapshotSource} bean re-renders gaps, in bean order; the first snapshot of a topic wins. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public HeraldStreams heraldStreams(Hub hub, HeraldProperties properties, ObjectProvider<SnapshotSource> snapshots) {
        SnapshotSource source = snapshots.orderedStream().reduce(SnapshotSource.none(), SnapshotSource::orElse);
        return HeraldStreams.start(hub, StreamWriter.builder(ResetEvent::encode)
                .heartbeat(properties.getHeartbeat())
                .retry(properties.getRetry())
                .maxBacklogBytes(properties.getMaxBacklogBytes())
                .snapshots(source));
    }

    @Bean
    @ConditionalOnMissingBean
    public Htmx heraldHtmx(Hub hub, HeraldProperties properties) {
        Htmx.Builder htmx = Htmx.builder(hub).dialect(properties.getDialect());
        if (properties.isDevMode()) {
            htmx.devMode(LogFactory.getLog(Htmx.class)::warn);
        }
        return htmx.build();
    }

    /** With Spring's transactions on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TransactionSynchronizationManager.class)
    static class Transactions {

        @Bean
        @ConditionalOnMissingBean
        AfterCommit heraldAfterCommit(Hub hub, Htmx htmx) {
            return new AfterCommit(hub, htmx);
        }
    }
}
