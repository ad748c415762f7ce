package dev.herald.jetty;

import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.sse.SseEvent;
import dev.herald.testing.Await;
import dev.herald.testing.SelfSignedKeyStore;
import dev.herald.testing.SseRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Http2Test {

    private static final String PASSWORD = SelfSignedKeyStore.PASSWORD;

    @Test
    void streamsOverH2cWithPriorKnowledgeAndNoConnectionHeader() throws Exception {
        try (TestServer server = new TestServer()) {
            org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
            jetty.start();
            try {
                InputStreamResponseListener listener = new InputStreamResponseListener();
                jetty.newRequest(server.hub(topics("a"))).send(listener);
                Response response = listener.get(SseRecorder.TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                assertThat(response.getVersion()).isEqualTo(HttpVersion.HTTP_2);
                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(response.getHeaders().get(HttpHeader.CONTENT_TYPE)).isEqualTo("text/event-stream; charset=utf-8");
                assertThat(response.getHeaders().contains(HttpHeader.CONNECTION)).isFalse();
                try (SseRecorder events = SseRecorder.read(listener.getInputStream())) {
                    assertThat(events.next()).isInstanceOf(SseEvent.Retry.class);
                    String id = server.hub.publish("a", SseEvent.message("over h2c"));
                    assertThat(events.nextMessage()).isEqualTo(SseEvent.message(id, null, "over h2c"));
                }
            } finally {
                jetty.stop();
            }
        }
    }

    @Test
    void aClientThatResetsItsStreamIsUnsubscribedAtOnceNotAtAHeartbeat() throws Exception {
        try (TestServer server = new TestServer(s -> s.heartbeat(Duration.ofHours(1)))) {
            org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
            jetty.start();
            try {
                InputStreamResponseListener listener = new InputStreamResponseListener();
                org.eclipse.jetty.client.Request request = jetty.newRequest(server.hub(topics("a")));
                request.send(listener);
                listener.get(SseRecorder.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(server.hub.subscriberCount()).isEqualTo(1);

                request.abort(new IOException("the tab was closed")); // RST_STREAM

                Await.until("the hub drops the subscriber", () -> server.hub.subscriberCount() == 0);
                assertThat(server.server.stats().openStreams()).isZero();
            } finally {
                jetty.stop();
            }
        }
    }

    @Test
    void upgradesFromHttp11ToH2c() {
        try (TestServer server = new TestServer();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<String> upgraded = send(client, server.hub(""));
            assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(upgraded.body()).isEqualTo("at least one topic parameter is required\n");
        }
    }

    @Test
    void streamsOverHttp2WithTlsAndAlpn(@TempDir Path dir) throws Exception {
        Path keyStore = SelfSignedKeyStore.create(dir);
        try (TestServer server = new TestServer(s -> s.tls(keyStore, PASSWORD));
                HttpClient client = HttpClient.newBuilder().sslContext(trusting(keyStore)).version(HttpClient.Version.HTTP_2).build()) {
            assertThat(server.server.uri().getScheme()).isEqualTo("https");
            try (SseRecorder events = SseRecorder.connect(client, server.hub(topics("a")))) {
                assertThat(events.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(events.response().headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
                assertThat(events.response().headers().firstValue("Connection")).isEmpty();
                assertThat(events.next()).isInstanceOf(SseEvent.Retry.class);
                String id = server.hub.publish("a", SseEvent.message("over h2"));
                assertThat(events.nextMessage()).isEqualTo(SseEvent.message(id, null, "over h2"));
            }
        }
    }

    @Test
    void fallsBackToHttp11OverTls(@TempDir Path dir) throws Exception {
        Path keyStore = SelfSignedKeyStore.create(dir);
        try (TestServer server = new TestServer(s -> s.tls(keyStore, PASSWORD));
                HttpClient client = HttpClient.newBuilder().sslContext(trusting(keyStore)).version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = send(client, server.hub(""));
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    private static HttpResponse<String> send(HttpClient client, URI uri) {
        try {
            return client.send(java.net.http.HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A client context that trusts exactly the test's self-signed certificate. */
    private static SSLContext trusting(Path keyStore) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(KeyStore.getInstance(keyStore.toFile(), PASSWORD.toCharArray()));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
