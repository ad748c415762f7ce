package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.SseRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clients that send a byte now and then (slowloris) do not hold a connection or a request forever. */
class SlowClientTest {

    private final TestServer server = new TestServer(s -> s
            .requestHeadTimeout(Duration.ofSeconds(1))
            .minRequestBodyRate(64 * 1024, Duration.ofMillis(500))
            .handler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    // Reads the whole body, then says how it went: its size, or why it failed.
                    Content.Source.asString(request, StandardCharsets.UTF_8, new org.eclipse.jetty.util.Promise<>() {
                        @Override
                        public void succeeded(String body) {
                            Content.Sink.write(response, true, "read " + body.length(), callback);
                        }

                        @Override
                        public void failed(Throwable failure) {
                            response.setStatus(failure instanceof TimeoutException ? 408 : 400);
                            Content.Sink.write(response, true, failure.getMessage(), callback);
                        }
                    });
                    return true;
                }
            }));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRequestHeadSentAByteAtATimeIsCutAtItsDeadline() throws IOException {
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean cut = false;
            // Each byte would restart an idle timeout; the head's deadline does not move.
            for (int i = 0; i < 200 && !cut; i++) {
                try {
                    out.write('X');
                    out.flush();
                } catch (SocketException closed) {
                    cut = true;
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                cut |= closedByServer(slow);
            }
            assertThat(cut).as("the server closed the connection within 20 s of a 1 s deadline").isTrue();
        }
    }

    @Test
    void aConnectionBetweenRequestsAndAnOpenStreamAreNotInsideAHead() throws IOException {
        try (SseRecorder stream = server.subscribe(TestServer.topics("a"))) {
            stream.next();
            LockSupport.parkNanos(Duration.ofMillis(2500).toNanos()); // past the deadline: must not matter
            String id = server.hub.publish("a", dev.herald.sse.SseEvent.message("still open"));
            assertThat(stream.nextMessage().id()).isEqualTo(id);
        }
    }

    @Test
    void aBodySentTooSlowlyFailsForItsReader() throws IOException {
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = null;
            for (int i = 0; i < 200 && answer == null; i++) {
                try {
                    out.write('x');
                    out.flush();
                } catch (SocketException closed) {
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                answer = available(slow);
            }
            if (answer == null) {
                answer = readAll(slow);
            }
            assertThat(answer).startsWith("HTTP/1.1 408").endsWith(MinimumBodyRate.reason(64 * 1024));
        }
    }

    @Test
    void aBodyAtAnOrdinaryPaceIsRead() {
        var response = server.send(java.net.http.HttpRequest.newBuilder(server.server.uri().resolve("/upload"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build());
        assertThat(response.body()).isEqualTo("read 100000");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.server.port()));
        socket.setSoTimeout(50);
        return socket;
    }

    /** Whether the server has given up on the head: it answered (Jetty may say 408 first) or closed. */
    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            socket.getInputStream().read();
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** What the server has answered so far, or null when nothing yet. */
    private static String available(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            return n < 0 ? null : new String(buffer, 0, n, StandardCharsets.ISO_8859_1) + readAll(socket);
        } catch (java.net.SocketTimeoutException nothingYet) {
            return null;
        }
    }

    private static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout((int) SseRecorder.TIMEOUT.toMillis());
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer)) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (text.indexOf("\r\n\r\n") > 0 && text.toString().contains("bytes a second")) {
                    break;
                }
            }
        } catch (SocketException | java.net.SocketTimeoutException end) {
            // the answer is what came
        }
        socket.setSoTimeout(50);
        return text.toString();
    }
}
