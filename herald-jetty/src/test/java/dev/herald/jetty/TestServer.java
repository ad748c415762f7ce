package dev.herald.jetty;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.hub.Hub;
import dev.herald.testing.SseRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A started {@link HeraldServer} on an ephemeral port, a hub, and an HTTP/1.1 client. */
final class TestServer implements AutoCloseable {

    static final String KEY = "test-key-test-key-test-key-test-key";
    /** An application handler: {@code /hello} answers "hello"; every other path is left to the server (404). */
    static final Handler HELLO = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"/hello".equals(Request.getPathInContext(request))) {
                return false;
            }
            Content.Sink.write(response, true, "hello", callback);
            return true;
        }
    };

    final Hub hub;
    final HeraldServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestServer() {
        this(UnaryOperator.identity());
    }

    TestServer(UnaryOperator<HeraldServer.Builder> settings) {
        this(Hub.builder().build(), settings);
    }

    TestServer(Hub hub, UnaryOperator<HeraldServer.Builder> settings) {
        this.hub = hub;
        this.server = settings.apply(HeraldServer.builder(hub).host("127.0.0.1").port(0).publisherJwtKey(KEY)).build();
        server.start();
    }

    /** {@code /.well-known/mercure?<query>}. */
    URI hub(String query) {
        return server.uri().resolve(HeraldServer.HUB_PATH + (query.isEmpty() ? "" : "?" + query));
    }

    SseRecorder subscribe(String query, String... headers) {
        return SseRecorder.connect(client, hub(query), headers);
    }

    HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** POSTs a form, fields as name, value, name, value…; {@code token} null for none. */
    HttpResponse<String> publish(String token, String... fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A publisher token for {@code topics}, signed with the server's key, valid for an hour. */
    static String token(String... topics) {
        return JWT.create()
                .withClaim("mercure", Map.of("publish", List.of(topics)))
                .withExpiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign(Algorithm.HMAC256(KEY));
    }

    static String form(String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (i > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String topics(String... topics) {
        return List.of(topics).stream().map(t -> "topic=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // Client first: Jetty's graceful stop would otherwise wait for its idle connections.
        client.shutdownNow();
        server.close();
    }
}
