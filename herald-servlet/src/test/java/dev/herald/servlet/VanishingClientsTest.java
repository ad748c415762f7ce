package dev.herald.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import dev.herald.stream.EventStream;
import dev.herald.stream.ResetEvent;
import dev.herald.stream.StreamWriter;
import dev.herald.testing.Await;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that vanish without a word — their sockets reset, as when a laptop lid closes or a proxy
 * drops them — leave nothing behind: every stream ends, every subscription (the outbox the hub fills)
 * is closed, and the container's asynchronous requests are completed.
 */
class VanishingClientsTest {

    private static final int CLIENTS = 1_000;
    /** An upper bound for a thousand connections on a loaded machine, never a measure of speed. */
    private static final Duration GENEROUSLY = Duration.ofMinutes(2);

    private final Hub hub = Hub.builder().build();
    private final HeraldStreams streams = HeraldStreams.start(hub,
            StreamWriter.builder(ResetEvent::encode).heartbeat(Duration.ofMillis(250)));
    private final HttpServlet board = new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            streams.stream(request, response, EventStream.of(List.of("board")));
        }
    };
    private final List<Socket> sockets = new ArrayList<>();
    private Container.Running container;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        streams.close();
        container.close();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aThousandClientsResetTheirConnectionsAndNoStreamOrSubscriptionIsLeft(Container kind) throws IOException {
        container = kind.start(board);
        for (int i = 0; i < CLIENTS; i++) {
            sockets.add(openStream());
        }
        Await.until(CLIENTS + " streams open", GENEROUSLY, () -> streams.stats().openStreams() == CLIENTS);
        assertThat(hub.subscriberCount()).isEqualTo(CLIENTS);

        for (Socket socket : sockets) {
            socket.setSoLinger(true, 0); // close with a reset: the client is gone, not saying goodbye
            socket.close();
        }

        Await.until("every stream ended", GENEROUSLY, () -> streams.stats().openStreams() == 0);
        Await.until("every subscription closed", GENEROUSLY, () -> hub.subscriberCount() == 0);
    }

    /** A raw HTTP/1.1 stream request, read until its first bytes (the retry field) arrived. */
    private Socket openStream() throws IOException {
        Socket socket = new Socket(container.uri().getHost(), container.uri().getPort());
        socket.getOutputStream().write(("GET /board HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.setSoTimeout((int) GENEROUSLY.toMillis());
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (seen.indexOf("retry:") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new UncheckedIOException(new IOException("the stream ended before its first bytes: " + seen));
            }
            seen.append((char) b);
        }
        return socket;
    }
}
