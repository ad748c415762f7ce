package dev.herald.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.AppPerTest;
import dev.herald.app.TestApp;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics}: the server's meters in Prometheus text, checked against what was done to it. */
class MetricsHttpTest {

    /** What a notifications page subscribes to: the list and the unread count. */
    private static final String BOTH_TOPICS = "/.well-known/mercure?topic=notifications&topic=notifications%2Funread";

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void servesPrometheusTextWithTheJvmMeters() {
        HttpResponse<String> response = app().get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge", "jvm_gc_", "process_cpu_usage",
                "# TYPE herald_sse_connections gauge");
    }

    @Test
    void countsOpenStreamsSubscriptionsAndEventsPublishedAndDelivered() {
        double publishedBefore = value("herald_hub_events_published_total");
        try (SseRecorder first = SseRecorder.connect(app().client(), app().uri(BOTH_TOPICS));
             SseRecorder second = SseRecorder.connect(app().client(), app().uri(BOTH_TOPICS))) {
            Await.until("two streams open", () -> value("herald_sse_connections") == 2);
            assertThat(value("herald_hub_subscriptions")).isEqualTo(2);

            app().postNotification("one", "");
            app().postNotification("two", "");
            first.nextMessage();
            second.nextMessage();

            // each post publishes an item and the unread count: 4 events, each delivered to both streams;
            // the app's INFO log lines are hub events too (logs/* topics), so "published" counts them as well
            assertThat(value("herald_hub_events_published_total") - publishedBefore).isGreaterThanOrEqualTo(4);
            assertThat(value("herald_hub_events_delivered_total")).isEqualTo(8);
            assertThat(value("herald_hub_delivered_bytes_total")).isGreaterThan(8 * 20);

            app().app().server().disconnectSubscribers();
            Await.until("the streams are cut", () -> value("herald_sse_connections") == 0);
        }
        assertThat(value("herald_sse_slow_consumer_disconnects_total")).isZero();
    }

    /** The value of the first sample of {@code name} in a fresh scrape. */
    private double value(String name) {
        String body = app().get("/metrics").body();
        Matcher sample = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(body);
        assertThat(sample.find()).as(name + " in /metrics").isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
