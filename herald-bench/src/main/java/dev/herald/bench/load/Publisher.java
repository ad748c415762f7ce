package dev.herald.bench.load;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the bench's events over HTTP from the generator's own process, so the same clock
 * stamps an event and times its receipt. Each
 * event's data is {@code <send time in µs> <sequence number> } padded with {@code x} to the
 * payload size.
 */
final class Publisher implements AutoCloseable {

    /** Publishes sent and not yet answered, at most: each holds one HTTP/1.1 connection. */
    private static final int MAX_IN_FLIGHT = 64;

    /** How a server takes a publish. */
    enum Format {
        /** Mercure: a form ({@code topic}, {@code data}) with a bearer JWT. */
        MERCURE,
        /** The data as a {@code text/plain} body, the topic in the URI's query. */
        RAW
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final Format format;
    private final String topic;
    private final String token;
    private final int payloadBytes;
    private long sequence;

    Publisher(URI uri, Format format, String topic, String jwtKey, int payloadBytes) {
        this.uri = uri;
        this.format = format;
        this.topic = topic;
        this.token = format == Format.MERCURE ? token(jwtKey) : null;
        this.payloadBytes = payloadBytes;
    }

    /**
     * Publishes {@code count} events, {@code perSecond} of them a second, open loop: each is sent
     * when it is due, whether or not the server answered the ones before (at most
     * {@value #MAX_IN_FLIGHT} unanswered), and is stamped with the time it was due, so a server
     * that answers slowly is charged for the wait rather than sent less (no coordinated omission).
     * Returns, once all are answered or timed out, how many the server accepted or did not answer
     * in time: a publish that timed out may still be delivered, and every subscriber is then
     * expected to receive it (an overloaded server cannot pass its losses off as timeouts).
     */
    int publish(int count, double perSecond) throws InterruptedException {
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        AtomicInteger accepted = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            client.sendAsync(request(payload(BenchClock.micros(due), ++sequence)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure == null ? response.statusCode() / 100 == 2 : timedOut(failure)) {
                            accepted.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        return accepted.get();
    }

    private static boolean timedOut(Throwable failure) {
        return failure instanceof HttpTimeoutException
                || failure instanceof CompletionException wrapped && wrapped.getCause() instanceof HttpTimeoutException;
    }

    private HttpRequest request(String data) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (format == Format.MERCURE) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("topic=" + encode(topic) + "&data=" + encode(data)));
        } else {
            request.header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(data));
        }
        return request.build();
    }

    String payload(long micros, long seq) {
        StringBuilder data = new StringBuilder(payloadBytes).append(micros).append(' ').append(seq).append(' ');
        while (data.length() < payloadBytes) {
            data.append('x');
        }
        return data.toString();
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    private static String token(String key) {
        return JWT.create()
                .withClaim("mercure", Map.of("publish", List.of("*")))
                .withExpiresAt(Instant.now().plus(Duration.ofHours(6)))
                .sign(Algorithm.HMAC256(key));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
