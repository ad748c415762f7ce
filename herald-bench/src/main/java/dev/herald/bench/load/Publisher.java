package dev.herald.bench.load;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Publishes the bench's events from the generator's own process, so the same clock stamps an event
 * and times its receipt. Each event's data is {@code <due time in µs> <sequence number> } padded
 * with {@code x} to the payload size.
 *
 * <p>Publishes go over a few keep-alive HTTP/1.1 connections, pipelined — each request written
 * when it is due, whatever the answers to the earlier ones — as sseload does: no server is sent
 * less because it answers slowly (no coordinated omission), and a server that takes its publishes
 * one connection at a time gets several connections to take them on.
 */
final class Publisher implements AutoCloseable {

    /** How long the answers to a phase's publishes are waited for. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** How a server takes a publish. */
    enum Format {
        /** Mercure: a form ({@code topic}, {@code data}) with a bearer JWT. */
        MERCURE,
        /** The data as a {@code text/plain} body, the topic in the URI's query. */
        RAW
    }

    /**
     * What became of a phase's publishes.
     *
     * @param asked             publishes sent
     * @param askedPerSecond    the rate they were sent at
     * @param accepted          answered 2xx
     * @param refused           answered otherwise
     * @param acceptedPerSecond accepted ÷ the time from the first send to the latest 2xx answer (at
     *                          least the schedule's length): the rate the server took them at
     * @param answerMicros      how long each answer took from its request's write
     */
    record Outcome(int asked, double askedPerSecond, int accepted, int refused, double acceptedPerSecond,
                   Histogram answerMicros) {

        /** Publishes neither accepted nor refused within {@link #ANSWER_TIMEOUT}: they may still be delivered. */
        int unanswered() {
            return asked - accepted - refused;
        }

        /** True if and only if the server took at least 98 % of the asked rate. */
        boolean kept() {
            return acceptedPerSecond >= 0.98 * askedPerSecond;
        }
    }

    private final String host;
    private final String path;
    private final Format format;
    private final String topic;
    private final String token;
    private final int payloadBytes;
    private final Answers answers = new Answers();
    private final PublishConnection[] connections;
    private long sequence;

    /**
     * @param path        the publish path and query
     * @param connections keep-alive connections to spread the publishes over, round robin
     */
    Publisher(InetSocketAddress server, String path, Format format, String topic, String jwtKey, int payloadBytes, int connections) {
        this.host = server.getHostString() + ":" + server.getPort();
        this.path = path;
        this.format = format;
        this.topic = topic;
        this.token = format == Format.MERCURE ? token(jwtKey) : null;
        this.payloadBytes = payloadBytes;
        this.connections = new PublishConnection[connections];
        for (int i = 0; i < connections; i++) {
            this.connections[i] = new PublishConnection(server, "bench-publisher-" + i, answers);
        }
    }

    /**
     * Publishes {@code count} events, {@code perSecond} of them a second, open loop: each is sent
     * when it is due and stamped with that time, so a server that answers slowly is charged for the
     * wait. Returns once every publish is answered or {@link #ANSWER_TIMEOUT} passed.
     */
    Outcome publish(int count, double perSecond) throws InterruptedException {
        answers.forgetPending();
        int acceptedBefore = answers.accepted();
        int refusedBefore = answers.refused();
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (connections[i % connections.length].send(request(BenchClock.micros(due), ++sequence))) {
                sent++;
            }
        }
        answers.await(sent, System.nanoTime() + ANSWER_TIMEOUT.toNanos());
        int accepted = answers.accepted() - acceptedBefore;
        double window = Math.max((double) count * period, answers.lastAcceptedNanos() - start) / 1e9;
        return new Outcome(count, perSecond, accepted, answers.refused() - refusedBefore, accepted / window, answers.answerMicros());
    }

    /** The sequence number of the latest event published: the next publish is numbered one more. */
    long lastSequence() {
        return sequence;
    }

    /**
     * Times {@code count} publishes sent one at a time on one connection, each once the last was
     * answered: the round trip of a publish, in microseconds.
     */
    Histogram roundTrips(int count) throws InterruptedException {
        answers.forgetPending();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (!connections[0].send(request(BenchClock.micros(start), ++sequence))) {
                throw new IllegalStateException("publish " + i + " could not be sent: the connection failed");
            }
            if (answers.await(1, start + TimeUnit.SECONDS.toNanos(10)) == 0) {
                throw new IllegalStateException("publish " + i + " was not answered within 10 s");
            }
        }
        return answers.answerMicros();
    }

    @Override
    public void close() {
        for (PublishConnection connection : connections) {
            connection.close();
        }
    }

    String payload(long micros, long seq) {
        StringBuilder data = new StringBuilder(payloadBytes).append(micros).append(' ').append(seq).append(' ');
        while (data.length() < payloadBytes) {
            data.append('x');
        }
        return data.toString();
    }

    private ByteBuffer request(long micros, long seq) {
        String data = payload(micros, seq);
        String body;
        String head;
        if (format == Format.MERCURE) {
            body = "topic=" + encode(topic) + "&data=" + encode(data);
            head = "Authorization: Bearer " + token + "\r\nContent-Type: application/x-www-form-urlencoded\r\n";
        } else {
            body = data;
            head = "Content-Type: text/plain; charset=utf-8\r\n";
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + head
                + "Content-Length: " + content.length + "\r\n\r\n";
        byte[] headBytes = request.getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(headBytes.length + content.length).put(headBytes).put(content).flip();
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
