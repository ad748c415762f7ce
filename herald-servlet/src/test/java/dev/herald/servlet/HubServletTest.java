package dev.herald.servlet;

import static dev.herald.servlet.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.hub.Hub;
import dev.herald.mercure.Mercure;
import dev.herald.sse.SseEvent;
import dev.herald.stream.ResetEvent;
import dev.herald.stream.StreamWriter;
import dev.herald.testing.SseRecorder;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Mercure hub endpoint as a servlet ({@link HeraldStreams#hubServlet}), in Tomcat and Jetty: the
 * protocol of herald-jetty's hub path — subscribe in both versions, replay, publish with a
 * publisher JWT, and the refusals with their status and one-line reason.
 */
class HubServletTest {

    private static final String KEY = "test-key-test-key-test-key-test-key";

    private final Hub hub = Hub.builder().build();
    private final HeraldStreams streams = HeraldStreams.start(hub,
            StreamWriter.builder(ResetEvent::encode).heartbeat(Duration.ofMillis(300)));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Container.Running container;

    private void start(Container kind) {
        start(kind, Mercure.builder(hub).publisherJwtKey(KEY).build());
    }

    private void start(Container kind, Mercure mercure) {
        container = kind.start(streams.hubServlet(mercure, 4096));
    }

    @AfterEach
    void stop() {
        client.shutdownNow();
        streams.close();
        container.close();
    }

    private URI hubPath(String query) {
        return container.uri().resolve(Mercure.HUB_PATH + (query.isEmpty() ? "" : "?" + query));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void subscribesWithTopicAndResumesAfterLastEventId(Container kind) {
        start(kind);
        String first = hub.publish("chat", SseEvent.message("before"));
        String missed = hub.publish("chat", SseEvent.message("missed"));
        try (SseRecorder events = SseRecorder.connect(client, hubPath("topic=chat"), "Last-Event-ID", first)) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.next()).isInstanceOf(SseEvent.Retry.class);
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(missed, null, "missed"));
            String live = hub.publish("chat", SseEvent.message("live"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(live, null, "live"));
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void matchSelectsTopicsInMercure10AndTheAnswerNamesTheIdItResumesAfter(Container kind) {
        start(kind);
        String seen = hub.publish("a", SseEvent.message("seen"));
        try (SseRecorder events = SseRecorder.connect(client, hubPath("match=a&match=b&last_event_id=" + encode(seen)))) {
            assertThat(events.response().headers().firstValue("Mercure-Last-Event-ID")).hasValue(seen);
            events.next(); // retry
            hub.publish("c", SseEvent.message("to c"));
            hub.publish("b", SseEvent.message("to b"));
            assertThat(events.nextMessage().data()).isEqualTo("to b");
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void publishesWithAPublisherTokenAndAnswersExactlyTheId(Container kind) {
        start(kind);
        try (SseRecorder events = SseRecorder.connect(client, hubPath("topic=chat"))) {
            events.next(); // retry
            HttpResponse<String> published = publish(token("chat"), "topic=chat&type=line&data=" + encode("hello\nworld"));
            assertThat(published.statusCode()).isEqualTo(200);
            assertThat(published.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(published.body(), "line", "hello\nworld"));
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void headAnswersAStreamsHeadAndOpensNoStream_refusedAsTheGetWouldBe(Container kind) {
        start(kind);
        HttpResponse<String> head = send(client, HttpRequest.newBuilder(hubPath("topic=a")).HEAD().build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(head.body()).isEmpty();
        assertThat(hub.subscriberCount()).isZero();
        assertThat(send(client, HttpRequest.newBuilder(hubPath("")).HEAD().build()).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void refusesWithTheStatusAndAOneLineReason(Container kind) {
        start(kind);
        assertRefused(send(client, HttpRequest.newBuilder(hubPath("")).build()), 400);
        HttpResponse<String> put = send(client, HttpRequest.newBuilder(hubPath("topic=a")).PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertRefused(put, 405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        assertRefused(publish(null, "topic=chat&data=x"), 401);
        assertRefused(publish(token("other"), "topic=chat&data=x"), 403);
        assertRefused(publish(token("chat"), "topic=chat&data=" + "x".repeat(5000)), 413);
        assertRefused(send(client, HttpRequest.newBuilder(hubPath("")).header("Authorization", "Bearer " + token("chat"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("data=x")).build()), 415);
        assertThat(hub.subscriberCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void answersCorsPreflightsAndRequestsOfTheAllowedOriginsOnly(Container kind) {
        start(kind, Mercure.builder(hub).publisherJwtKey(KEY).corsOrigins(List.of("https://app.example.com")).build());
        HttpResponse<String> preflight = send(client, HttpRequest.newBuilder(hubPath(""))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST").build());
        HttpResponse<String> refused = publish(null, "topic=chat&data=x", "Origin", "https://app.example.com");
        HttpResponse<String> otherOrigin = publish(token("chat"), "topic=chat&data=x", "Origin", "https://evil.example");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("Authorization, Cache-Control, Content-Type, Last-Event-ID");
        assertRefused(refused, 401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(refused.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(otherOrigin.statusCode()).isEqualTo(200);
        assertThat(otherOrigin.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    private static void assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).endsWith("\n");
        assertThat(response.body().strip()).doesNotContain("\n").isNotEmpty();
    }

    private HttpResponse<String> publish(String token, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hubPath(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(client, request.build());
    }

    private static String token(String... topics) {
        return JWT.create().withClaim("mercure", Map.of("publish", List.of(topics)))
                .withExpiresAt(Instant.now().plus(Duration.ofHours(1))).sign(Algorithm.HMAC256(KEY));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
