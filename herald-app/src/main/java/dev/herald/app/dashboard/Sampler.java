package dev.herald.app.dashboard;

import dev.herald.hub.Hub;
import dev.herald.hub.HubStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Takes {@link Sample}s from the meters, turning counters into rates against the previous sample.
 * One caller at a time (the dashboard's ticker).
 */
final class Sampler {

    private final MeterRegistry registry;
    private final Hub hub;
    private final Clock clock;
    private Instant lastTime;
    private HubStats last;
    private double lastGcMillis;

    Sampler(MeterRegistry registry, Hub hub, Clock clock) {
        this.registry = registry;
        this.hub = hub;
        this.clock = clock;
        this.lastTime = clock.instant();
        this.last = hub.stats();
        this.lastGcMillis = gcMillis();
    }

    Sample next() {
        Instant now = clock.instant();
        HubStats stats = hub.stats();
        double gc = gcMillis();
        double seconds = Math.max(0.001, (now.toEpochMilli() - lastTime.toEpochMilli()) / 1000.0);
        Sample sample = new Sample(now,
                (int) registry.get("herald.sse.connections").gauge().value(),
                stats.subscribersByTopic(),
                (stats.eventsPublished() - last.eventsPublished()) / seconds,
                (stats.eventsDelivered() - last.eventsDelivered()) / seconds,
                (stats.bytesDelivered() - last.bytesDelivered()) / seconds,
                (long) registry.get("herald.sse.slow.consumer.disconnects").functionCounter().count(),
                (long) sum("jvm.memory.used"),
                (long) sum("jvm.memory.max"),
                registry.get("process.cpu.usage").gauge().value(),
                (gc - lastGcMillis) / seconds);
        lastTime = now;
        last = stats;
        lastGcMillis = gc;
        return sample;
    }

    /** The heap pools' values added up; a pool without a maximum (-1) counts as none. */
    private double sum(String name) {
        return registry.find(name).tag("area", "heap").gauges().stream()
                .mapToDouble(Gauge::value).filter(v -> v > 0).sum();
    }

    private double gcMillis() {
        return registry.find("jvm.gc.pause").timers().stream().mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS)).sum();
    }
}
