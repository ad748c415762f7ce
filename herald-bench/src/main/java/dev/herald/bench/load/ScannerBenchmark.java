package dev.herald.bench.load;

import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import dev.herald.sse.SseParser;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What reading one received event costs the load generator: the conforming {@link SseParser}
 * (decodes UTF-8, builds strings) against the bench's {@link EventScanner} (bytes only), over 16
 * bench events read as one chunk. Decides which one the generator uses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScannerBenchmark {

    private static final int EVENTS = 16;

    private final byte[] chunk = chunk();
    private long sum;
    private final EventScanner scanner = new EventScanner(new EventScanner.Listener() {
        @Override
        public void onEvent(long sentMicros, long sequence) {
            sum += sentMicros;
        }

        @Override
        public void onComment() {
        }
    });
    private Blackhole blackhole;
    private final SseParser parser = new SseParser(new SseParser.Listener() {
        @Override
        public void onEvent(SseParser.Event event) {
            blackhole.consume(event);
        }
    });

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long eventScanner() {
        scanner.scan(chunk, 0, chunk.length);
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void sseParser(Blackhole bh) {
        blackhole = bh;
        parser.feed(chunk);
    }

    private static byte[] chunk() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < EVENTS; i++) {
            String data = String.format("%d %d ", 1_000_000L + i, i);
            out.writeBytes(SseEncoder.encode(SseEvent.message("7f3k2a1b:" + i, null, data + "x".repeat(100 - data.length()))));
        }
        return out.toByteArray();
    }
}
