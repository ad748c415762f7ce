package dev.herald.bench.load;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the bench's events over HTTP from the generator's own process, one request at a time
 * on one keep-alive connection, so the same clock stamps an event and times its receipt. Each
 * event's data is {@code <send time in µs> <sequence number> } padded with {@code x} to the
 * payload size.
 */
final class Publisher implements AutoCloseable {

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
     * Publishes {@code count} events, {@code perSecond} of them a second (as fast as the server
     * answers, when it answers slower); returns how many the server accepted.
     */
    int publish(int count, double perSecond) throws InterruptedException {
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (publishOne()) {
                accepted++;
            }
        }
        return accepted;
    }

    private boolean publishOne() throws InterruptedException {
        String data = payload(BenchClock.nowMicros(), ++sequence);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (format == Format.MERCURE) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("topic=" + encode(topic) + "&data=" + encode(data)));
        } else {
            request.header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(data));
        }
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        }
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
