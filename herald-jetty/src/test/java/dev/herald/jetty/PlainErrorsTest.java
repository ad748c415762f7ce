package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * The errors Jetty answers itself, before or around any handler, are one line of text naming no
 * Java class, with the security headers — as Herald's own refusals.
 */
class PlainErrorsTest {

    /** A handler whose bug escapes it: {@code /boom} throws. */
    private static final Handler BOOM = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            throw new IllegalStateException("internal detail: /var/lib/secret");
        }
    };

    @Test
    void aRequestJettyCannotParseIsRefusedInOneLine() throws IOException {
        try (TestServer server = new TestServer(s -> s.securityHeaders(SecurityHeaders.strict()))) {
            String answer = exchange(server, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Probe: a\0b\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Content-Type: text/plain; charset=utf-8",
                    "Content-Security-Policy: " + SecurityHeaders.STRICT_CONTENT_SECURITY_POLICY);
            assertThat(body(answer)).startsWith("Bad Request").endsWith("\n").doesNotContain("Exception", "org.eclipse")
                    .hasLineCount(1);
        }
    }

    @Test
    void aHeadTooLargeIsRefusedInOneLine() throws IOException {
        try (TestServer server = new TestServer()) {
            String answer = exchange(server, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Probe: " + "x".repeat(64 * 1024)
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 431 ");
            assertThat(body(answer)).isEqualTo("Request Header Fields Too Large\n");
        }
    }

    @Test
    void aHandlersFailureIsAServerErrorThatTellsTheClientNothingMore() throws IOException {
        try (TestServer server = new TestServer(s -> s.handler(BOOM))) {
            String answer = exchange(server, "GET /boom HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 500 ").contains("X-Content-Type-Options: nosniff");
            assertThat(body(answer)).isEqualTo("Server Error\n");
        }
    }

    @Test
    void headOnTheHubAnswersAStreamsHeadAndOpensNoStream() throws IOException {
        try (TestServer server = new TestServer()) {
            String answer = exchange(server, "HEAD " + HeraldServer.HUB_PATH + "?topic=a HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
            String refused = exchange(server, "HEAD " + HeraldServer.HUB_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Content-Type: text/event-stream; charset=utf-8").endsWith("\r\n\r\n");
            assertThat(server.hub.subscriberCount()).isZero();
            assertThat(refused).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n");
        }
    }

    /** Sends {@code request} on a connection of its own and reads until the server closes it. */
    private static String exchange(TestServer server, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.server.port()));
            socket.setSoTimeout(30_000); // a guard against a hang, not a measured time
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
