package dev.herald.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.htmx.ClientAssets;
import dev.herald.htmx.JteRenderer;
import dev.herald.hub.Hub;
import dev.herald.servlet.HeraldStreams;
import dev.herald.sse.SseEvent;
import dev.herald.stream.EventStream;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring MVC application on Tomcat with the starter (and JTE's): a controller's stream, live publishes, assets, meters, health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.heartbeat=500ms", "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always", "gg.jte.development-mode=true",
        "herald.hub.publisher-jwt-key=" + SpringMvcStreamTest.KEY})
class SpringMvcStreamTest {

    @SpringBootApplication
    @RestController
    static class BoardApp {

        @Autowired
        HeraldStreams streams;
        @Autowired
        AfterCommit afterCommit;

        /** The board's live events, resumed after the browser's Last-Event-ID. */
        @GetMapping("/board/events")
        void events(HttpServletRequest request, HttpServletResponse response) {
            streams.stream(request, response, EventStream.of(List.of("board")).after(request.getHeader("Last-Event-ID")));
        }

        @PostMapping("/board/cards")
        String add() {
            afterCommit.publish(List.of("board"), SseEvent.message("card", "<li>new card</li>"));
            return "added";
        }
    }

    static final String KEY = "test-key-test-key-test-key-test-key";

    @LocalServerPort
    int port;
    @Autowired
    Hub hub;
    @Autowired
    HeraldStreams streams;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JteRenderer jte;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void closeClient() {
        client.shutdownNow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aControllersStreamGetsWhatAnotherControllerPublishesAndResumesAfterItsLastId() throws Exception {
        String seen;
        try (SseRecorder events = SseRecorder.connect(client, uri("/board/events"))) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            events.next(); // retry
            assertThat(send(HttpRequest.newBuilder(uri("/board/cards")).POST(HttpRequest.BodyPublishers.noBody()).build())
                    .body()).isEqualTo("added");
            SseEvent.Message card = events.nextMessage();
            assertThat(card.type()).isEqualTo("card");
            assertThat(card.data()).isEqualTo("<li>new card</li>");
            seen = card.id();
            assertThat(meters.get("herald.streams.open").gauge().value()).isGreaterThanOrEqualTo(1.0);
        }
        String missed = hub.publish(List.of("board"), SseEvent.message("card", "<li>while away</li>"));
        try (SseRecorder events = SseRecorder.connect(client, uri("/board/events"), "Last-Event-ID", seen)) {
            events.next(); // retry
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(missed, "card", "<li>while away</li>"));
        }
        Await.until("the streams end once their clients left", () -> streams.stats().openStreams() == 0);
        assertThat(meters.get("herald.hub.events.published").functionCounter().count()).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void theHubEndpointSubscribesPagesAndTakesPublishesWithAPublisherToken() throws Exception {
        try (SseRecorder events = SseRecorder.connect(client, uri("/.well-known/mercure?topic=board"))) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            events.next(); // retry
            send(HttpRequest.newBuilder(uri("/board/cards")).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(events.nextMessage().data()).isEqualTo("<li>new card</li>");

            String token = JWT.create().withClaim("mercure", Map.of("publish", List.of("board")))
                    .withExpiresAt(Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC256(KEY));
            HttpResponse<String> published = send(HttpRequest.newBuilder(uri("/.well-known/mercure"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("topic=board&data=from+another+service")).build());
            assertThat(published.statusCode()).isEqualTo(200);
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(published.body(), null, "from another service"));
        }
        assertThat(send(HttpRequest.newBuilder(uri("/.well-known/mercure")).build()).statusCode()).isEqualTo(400);
    }

    @Test
    void servesTheClientAssetsAsImmutable() throws Exception {
        HttpResponse<String> htmx = send(HttpRequest.newBuilder(uri(ClientAssets.HTMX)).build());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("immutable"));
        assertThat(send(HttpRequest.newBuilder(uri(ClientAssets.HERALD_SSE)).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void reportsItsHealthWithTheOpenStreams() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"herald\":\\{\"details\":\\{\"openStreams\":0,[^}]*},\"status\":\"UP\"}");
    }
}
