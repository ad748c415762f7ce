package dev.herald.bench.jmh;

import dev.herald.hub.Hub;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Outbox;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One publish to 10k in-memory subscribers: with {@code counting}, the hub's own fan-out (a
 * callback per subscriber); with {@code outbox}, each subscriber is the server's bounded outbox,
 * emptied after every publish as its writer would (the emptying is not timed). No sockets: the
 * rest of a delivery is the binding's, measured by the load generator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanOutBenchmark {

    private static final int SUBSCRIBERS = 10_000;

    @Param({"counting", "outbox"})
    public String subscriber;

    private final SseEvent.Message message = SseEvent.message("tick", "x".repeat(100));
    private final List<String> topics = List.of("bench");
    private final List<Outbox> outboxes = new ArrayList<>();
    private Hub hub;
    private long delivered;

    @Setup
    public void subscribe() {
        hub = Hub.builder().build();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            if (subscriber.equals("outbox")) {
                Outbox outbox = Outbox.bounded(1 << 20);
                outboxes.add(outbox);
                hub.subscribe(topics, null, outbox);
            } else {
                hub.subscribe(topics, null, new Counting());
            }
        }
    }

    /** Each outbox emptied and armed again, as an idle stream's writer leaves it. */
    @TearDown(Level.Invocation)
    public void drain() {
        for (Outbox outbox : outboxes) {
            outbox.poll();
            outbox.poll();
        }
    }

    @Benchmark
    public String publish() {
        return hub.publish(topics, message);
    }

    private final class Counting implements Subscriber {
        @Override
        public void onReplay(Replay replay) {
        }

        @Override
        public void onEvent(HubEvent event) {
            delivered++;
        }

        @Override
        public void onShutdown(SseEvent.Message finalEvent) {
        }
    }
}
