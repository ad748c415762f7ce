package dev.herald.bench.jmh;

import dev.herald.hub.Hub;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The event log through the hub's public API: a publish with no subscriber (encode, id, append to
 * a full log, evicting the oldest) and a resume that replays the last {@code replayed} events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogBenchmark {

    private static final List<String> TOPICS = List.of("bench");
    private static final SseEvent.Message MESSAGE = SseEvent.message("tick", "x".repeat(100));

    private Blackhole blackhole;
    private final Subscriber replayReader = new Subscriber() {
        @Override
        public void onReplay(Replay replay) {
            blackhole.consume(replay.events().size());
        }

        @Override
        public void onEvent(HubEvent event) {
        }

        @Override
        public void onShutdown(SseEvent.Message finalEvent) {
        }
    };

    /** A hub whose topic log is full: 2048 events published, the newest 1024 kept. */
    @State(Scope.Thread)
    public static class FullLog {
        final Hub hub = Hub.builder().maxEventsPerTopic(1024).maxBytesPerTopic(1 << 24).build();
        final List<String> ids = new ArrayList<>();

        @Setup
        public void fill() {
            for (int i = 0; i < 2048; i++) {
                ids.add(hub.publish(TOPICS, MESSAGE));
            }
        }
    }

    /**
     * A full log of its own and the id to resume after, {@code replayed} events before the
     * newest: the id and the hub it came from live in one state object, so they always belong
     * together (a first version resumed on another hub's id, and measured a gap).
     */
    @State(Scope.Thread)
    public static class ResumePoint extends FullLog {
        @Param({"10", "1000"})
        public int replayed;

        String lastEventId;

        @Setup
        public void find() {
            lastEventId = ids.get(ids.size() - 1 - replayed);
        }
    }

    @Benchmark
    public String append(FullLog log) {
        return log.hub.publish(TOPICS, MESSAGE);
    }

    @Benchmark
    public void replay(ResumePoint resume, Blackhole bh) {
        blackhole = bh;
        resume.hub.subscribe(TOPICS, resume.lastEventId, replayReader).close();
    }
}
