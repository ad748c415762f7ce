package bench.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Spring WebFlux as the bench's peer, the minimal broadcast its documentation leads to: a
 * multicast sink per topic; GET /sub?topic=T streams it, POST /pub?topic=T publishes the body.
 * A comment on connect (so the response head is sent once the subscriber is registered) and every
 * 15 s. No history: a reconnect replays nothing. A subscriber that cannot keep up misses events
 * (directBestEffort), which the bench counts as undelivered.
 */
@SpringBootApplication
@RestController
public class WebFluxPeer {

    private final Map<String, Sinks.Many<ServerSentEvent<String>>> topics = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public static void main(String[] args) {
        SpringApplication.run(WebFluxPeer.class, args);
    }

    @GetMapping(path = "/sub", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> subscribe(@RequestParam String topic) {
        ServerSentEvent<String> hello = ServerSentEvent.<String>builder().comment("").build();
        Flux<ServerSentEvent<String>> heartbeat = Flux.interval(Duration.ofSeconds(15)).map(i -> hello);
        // merge subscribes to the sink first, then emits the hello comment: no event falls between.
        return Flux.merge(sink(topic).asFlux(), Mono.just(hello), heartbeat);
    }

    @PostMapping("/pub")
    Mono<Void> publish(@RequestParam String topic, @RequestBody String data) {
        ServerSentEvent<String> event = ServerSentEvent.builder(data).id(Long.toString(ids.incrementAndGet())).build();
        // tryEmitNext, not emitNext: emitNext ends the sink for good (an error to every subscriber,
        // present and future) when no subscriber has demand (FAIL_OVERFLOW); a best-effort peer drops
        // the event instead. Concurrent publishes only retry (FAIL_NON_SERIALIZED).
        Sinks.Many<ServerSentEvent<String>> sink = sink(topic);
        while (sink.tryEmitNext(event) == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
        }
        return Mono.empty();
    }

    private Sinks.Many<ServerSentEvent<String>> sink(String topic) {
        return topics.computeIfAbsent(topic, t -> Sinks.many().multicast().directBestEffort());
    }
}
