package dev.herald.servlet;

import static dev.herald.servlet.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.hub.Hub;
import dev.herald.mercure.Mercure;
import dev.herald.sse.SseEvent;
import dev.herald.stream.EventStream;
import dev.herald.stream.ResetEvent;
import dev.herald.stream.StreamWriter;
import dev.herald.testing.InMemoryBroker;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hub whose shared log is unreachable (Redis down, for a hub of several nodes): the hub endpoint's
 * subscribes and publishes and an application's stream are answered 503 with the reason in one line,
 * as herald-jetty answers them.
 */
class UnavailableHubTest {

    private static final String KEY = "test-key-test-key-test-key-test-key";
    /** What the broker says (the tail, once it noticed, says it shorter). */
    private static final String REASON = "the in-memory broker is unreachable";

    private final InMemoryBroker log = new InMemoryBroker(16);
    private final Hub hub = Hub.builder().broker(log.node()).build();
    private final HeraldStreams streams = HeraldStreams.start(hub,
            StreamWriter.builder(ResetEvent::encode).heartbeat(Duration.ofMillis(300)));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Container.Running container;

    @AfterEach
    void stop() {
        client.shutdownNow();
        streams.close();
        container.close();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void theHubEndpointAnswers503WithTheReason(Container kind) {
        container = kind.start(streams.hubServlet(Mercure.builder(hub).publisherJwtKey(KEY).build(), 4096));
        String seen = hub.publish("chat", SseEvent.message("before"));
        log.reachable(false);

        assertUnavailable(send(client, HttpRequest.newBuilder(uri(Mercure.HUB_PATH + "?topic=chat"))
                .header("Last-Event-ID", seen).build()));
        String token = JWT.create().withClaim("mercure", Map.of("publish", List.of("chat"))).sign(Algorithm.HMAC256(KEY));
        assertUnavailable(send(client, HttpRequest.newBuilder(uri(Mercure.HUB_PATH))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("topic=chat&data=x")).build()));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void anApplicationsStreamIsAnswered503WithTheReason(Container kind) {
        container = kind.start(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                streams.stream(request, response, EventStream.of(List.of("run")).after(request.getHeader("Last-Event-ID")));
            }
        });
        String seen = hub.publish("run", SseEvent.message("before"));
        log.reachable(false);

        assertUnavailable(send(client, HttpRequest.newBuilder(uri("/runs")).header("Last-Event-ID", seen).build()));
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).startsWith(REASON).endsWith("\n").hasLineCount(1);
    }

    private URI uri(String path) {
        return container.uri().resolve(path);
    }
}
