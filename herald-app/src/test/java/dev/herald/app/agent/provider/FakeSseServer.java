package dev.herald.app.agent.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A provider's HTTP endpoint on loopback, speaking raw HTTP/1.1 so a test controls every byte:
 * each request gets the next scripted {@link Reply} — a status with a body, or a
 * {@code text/event-stream} written chunk by chunk with pauses, ended cleanly or by dropping the
 * connection mid-stream. One request per connection ({@code Connection: close}).
 */
public final class FakeSseServer implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
    }

    /** One step of a streamed reply. */
    public sealed interface Step {
        /** Bytes of the event stream, written as one HTTP chunk and flushed. */
        record Send(String text) implements Step {
        }

        record Pause(Duration duration) implements Step {
        }

        /** Closes the socket mid-stream: no terminating chunk, as when a network path dies. */
        record Drop() implements Step {
        }
    }

    /** How one request is answered. */
    public sealed interface Reply {
        record Status(int status, String body, Map<String, String> headers) implements Reply {
        }

        record Stream(List<Step> steps) implements Reply {
        }
    }

    private static final Duration NO_REPLY_WAIT = Duration.ofSeconds(10);

    private final ServerSocket socket;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FakeSseServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().name("fake-sse-server").start(this::accept);
    }

    public static FakeSseServer start() {
        try {
            return new FakeSseServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    public String baseUrl(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Queues the answer to the next request that has none yet. */
    public FakeSseServer reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            Request request = read(in);
            requests.add(request);
            Reply reply = replies.poll(NO_REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            OutputStream out = connection.getOutputStream();
            switch (reply) {
                case null -> writeStatus(out, new Reply.Status(500, "{\"error\":\"no reply scripted\"}", Map.of()));
                case Reply.Status status -> writeStatus(out, status);
                case Reply.Stream stream -> writeStream(out, stream);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (as when a run is cancelled): nothing to answer
        }
    }

    private static void writeStatus(OutputStream out, Reply.Status status) throws IOException {
        byte[] body = status.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status.status() + " Scripted\r\n")
                .append("Content-Type: application/json\r\nContent-Length: ").append(body.length)
                .append("\r\nConnection: close\r\n");
        status.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void writeStream(OutputStream out, Reply.Stream stream) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                + "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (Step step : stream.steps()) {
            switch (step) {
                case Step.Send send -> {
                    byte[] bytes = send.text().getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case Step.Pause pause -> Thread.sleep(pause.duration());
                case Step.Drop drop -> {
                    return; // the caller's try-with-resources closes the socket mid-stream
                }
            }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String[] parts = requestLine.split(" ");
        return new Request(parts[0], parts[1], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the request head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Steps from a list of events and pauses, for {@link Reply.Stream}. */
    public static List<Step> steps(Object... items) {
        List<Step> steps = new ArrayList<>();
        for (Object item : items) {
            steps.add(switch (item) {
                case String text -> new Step.Send(text);
                case Duration pause -> new Step.Pause(pause);
                case Step step -> step;
                default -> throw new IllegalArgumentException("not a step: " + item);
            });
        }
        return steps;
    }
}
