package dev.herald.app.dashboard;

import dev.herald.app.web.ByteSize;
import dev.herald.htmx.Contract;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the dashboard shows, built from the kept samples (oldest first).
 *
 * @param panels the panels, in page order
 * @param topics subscribers per topic in the newest sample
 */
public record DashboardView(List<Panel> panels, Map<String, Integer> topics, String updated) {

    /** Every second: every panel, out of band. */
    public static final Contract TICK = Contract.oob("tick");

    static DashboardView of(List<Sample> samples, int slots) {
        Sample now = samples.getLast();
        return new DashboardView(List.of(
                panel("panel-connections", "Open connections", Integer.toString(now.connections()), "SSE streams",
                        samples, slots, s -> s.connections()),
                panel("panel-events", "Events / s", rate(now.deliveredRate()),
                        "delivered · " + rate(now.publishedRate()) + " published", samples, slots, Sample::deliveredRate),
                panel("panel-bytes", "Bytes / s", ByteSize.text((long) now.bytesRate()), "delivered to subscribers",
                        samples, slots, Sample::bytesRate),
                panel("panel-heap", "Heap", ByteSize.text(now.heapUsed()), "of " + ByteSize.text(now.heapMax()),
                        samples, slots, s -> s.heapUsed()),
                panel("panel-cpu", "CPU", Double.isNaN(now.cpu()) ? "—" : String.format(Locale.ROOT, "%.1f %%", now.cpu() * 100),
                        "this process", samples, slots, Sample::cpu),
                panel("panel-gc", "GC pauses", String.format(Locale.ROOT, "%.1f ms/s", now.gcPauseRate()), "time paused per second",
                        samples, slots, Sample::gcPauseRate),
                new Panel("panel-slow", "Slow-consumer disconnects", Long.toString(now.slowConsumerDisconnects()),
                        "since start", "")),
                now.subscribersByTopic(), now.time().toString().substring(11, 19) + " UTC");
    }

    private static Panel panel(String id, String title, String value, String detail, List<Sample> samples, int slots,
                               ToDoubleFunction<Sample> metric) {
        return new Panel(id, title, value, detail,
                Sparkline.points(samples.stream().map(s -> metric.applyAsDouble(s)).toList(), slots));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f" : "%.0f", perSecond);
    }
}
