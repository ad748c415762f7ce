package dev.herald.bench.jmh;

import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding one event, done once per publish: a 100-byte one-line payload and a 1 KiB HTML fragment. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {

    private final SseEvent.Message line = SseEvent.message("7f3k2a1b:41", "tick", "x".repeat(100));
    private final SseEvent.Message fragment = SseEvent.message("7f3k2a1b:42", "notification",
            "<li class=\"item\">\n  <p>hello</p>\n</li>\n".repeat(24));

    @Benchmark
    public byte[] oneLine100Bytes() {
        return SseEncoder.encode(line);
    }

    @Benchmark
    public byte[] htmlFragment1KiB() {
        return SseEncoder.encode(fragment);
    }
}
