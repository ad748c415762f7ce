package dev.herald.spring;

import dev.herald.hub.Hub;
import dev.herald.hub.HubStats;
import dev.herald.servlet.HeraldStreams;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Herald's meters, with Micrometer on the classpath (Spring Boot Actuator brings it): open streams,
 * slow-consumer disconnects, subscribers, and the hub's published and delivered events and bytes.
 * Counters are read from the hub's own counters when the registry is scraped, so nothing is counted twice.
 */
@AutoConfiguration(after = HeraldAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
public class HeraldMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "heraldMeters")
    public MeterBinder heraldMeters(Hub hub, HeraldStreams streams) {
        return registry -> {
            Gauge.builder("herald.streams.open", streams, s -> s.stats().openStreams())
                    .description("Event streams being written now").register(registry);
            FunctionCounter.builder("herald.streams.slow.consumer.disconnects", streams,
                            s -> s.stats().slowConsumerDisconnects())
                    .description("Streams ended because their backlog passed the bound").register(registry);
            Gauge.builder("herald.hub.subscribers", hub, Hub::subscriberCount)
                    .description("Open subscriptions").register(registry);
            counter(registry, hub, "herald.hub.events.published", "Events published", HubStats::eventsPublished);
            counter(registry, hub, "herald.hub.bytes.published", "Encoded bytes of the events published", HubStats::bytesPublished);
            counter(registry, hub, "herald.hub.events.delivered", "Live events handed to subscribers", HubStats::eventsDelivered);
            counter(registry, hub, "herald.hub.bytes.delivered", "Encoded bytes of those deliveries", HubStats::bytesDelivered);
        };
    }

    private static void counter(MeterRegistry registry, Hub hub, String name, String description, ToDoubleFunction<HubStats> count) {
        FunctionCounter.builder(name, hub, h -> count.applyAsDouble(h.stats())).description(description).register(registry);
    }
}
