package dev.herald.app.dashboard;

import dev.herald.hub.Hub;
import dev.herald.jetty.HeraldServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The app's meters in one Micrometer registry: the JVM's (memory, GC, threads, CPU, uptime) and
 * Herald's own (open streams, slow-consumer disconnects, subscriptions, events and bytes published
 * and delivered). The dashboard samples it; {@code /metrics} exposes it as Prometheus text.
 */
final class HeraldMeters implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    // Micrometer holds a meter's state object weakly: these fields keep them (a lambda would vanish).
    private final Hub hub;
    private final Supplier<HeraldServer.Stats> server;

    HeraldMeters(Hub hub, Supplier<HeraldServer.Stats> server) {
        this.hub = hub;
        this.server = server;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("herald.sse.connections", server, s -> s.get().openStreams())
                .description("SSE streams open now").register(registry);
        FunctionCounter.builder("herald.sse.slow.consumer.disconnects", server, s -> s.get().slowConsumerDisconnects())
                .description("Streams closed because their backlog passed its bound").register(registry);
        Gauge.builder("herald.hub.subscriptions", hub, Hub::subscriberCount)
                .description("Open subscriptions").register(registry);
        FunctionCounter.builder("herald.hub.events.published", hub, h -> h.stats().eventsPublished())
                .description("Events published (once per event, whatever its topics)").register(registry);
        FunctionCounter.builder("herald.hub.events.delivered", hub, h -> h.stats().eventsDelivered())
                .description("Live events handed to subscribers (once per subscriber reached)").register(registry);
        FunctionCounter.builder("herald.hub.delivered", hub, h -> h.stats().bytesDelivered())
                .baseUnit("bytes").description("Encoded bytes of the delivered events").register(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The registry as Prometheus text (exposition format 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
