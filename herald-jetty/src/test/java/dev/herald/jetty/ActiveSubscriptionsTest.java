package dev.herald.jetty;

import static dev.herald.jetty.TestServer.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.sse.SseEvent;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The active subscriptions (Mercure's subscription events and subscriptions API), on with
 * {@code Mercure.Builder.activeSubscriptions}: each selector of a subscribe request is a
 * subscription under a subscriber id the hub makes; its start and end are private updates of type
 * {@code mercure}, and the API lists what is active, to tokens that grant subscribe on its path.
 */
class ActiveSubscriptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTIONS = "/.well-known/mercure/subscriptions";

    private TestServer server = new TestServer(s -> s.heartbeat(Duration.ofMillis(300))
            .mercure(m -> m.activeSubscriptions(true)));

    @AfterEach
    void stop() {
        server.close();
    }

    /** A 1.0 token granting subscribe on URL patterns (relative to the hub) or exact topics. */
    private static String subscriber(String... matchers) {
        List<Map<String, String>> topics = List.of(matchers).stream()
                .map(m -> m.contains(":") || m.contains("*") ? Map.of("match", m, "match_type", "urlpattern") : Map.of("match", m))
                .toList();
        return JWT.create().withHeader(Map.of("typ", "at+jwt")).withExpiresAt(Instant.now().plus(Duration.ofHours(1)))
                .withClaim("authorization_details", List.of(Map.of("type", "https://mercure.rocks/authorization-detail",
                        "actions", List.of("subscribe"), "topics", topics)))
                .sign(Algorithm.HMAC256(TestServer.KEY));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private HttpResponse<String> api(String path, String token) {
        URI uri = server.server.uri().resolve(path);
        return token == null ? server.get(uri) : server.get(uri, "Authorization", "Bearer " + token);
    }

    @Test
    void aSubscriptionsStartAndEndArePublishedPrivatelyToThoseAllowedToSeeThem() {
        String watching = subscriber(SUBSCRIPTIONS + "/*");
        // The anonymous subscriber first: its own subscription's event is out of the way, before the watcher's stream.
        try (SseRecorder anonymous = server.subscribe("match=*");
             SseRecorder watcher = server.subscribe("match_urlpattern=" + encode(SUBSCRIPTIONS + "/*"), "Authorization", "Bearer " + watching)) {
            watcher.next(); // retry
            SseRecorder subscriber = server.subscribe("match=chat&match_urlpattern=" + encode("https://example.com/books/:id"));
            subscriber.next();

            SseEvent.Message first = watcher.nextMessage();
            SseEvent.Message second = watcher.nextMessage();
            assertThat(first.type()).isEqualTo("mercure");
            JsonNode exact = json(first.data());
            assertThat(exact.get("type").asText()).isEqualTo("subscription");
            assertThat(exact.get("match_type").asText()).isEqualTo("exact");
            assertThat(exact.get("match").asText()).isEqualTo("chat");
            assertThat(exact.get("active").asBoolean()).isTrue();
            String id = exact.get("subscriber").asText();
            assertThat(id).matches("urn:uuid:[0-9a-f-]{36}");
            assertThat(exact.get("id").asText()).isEqualTo(SUBSCRIPTIONS + "/exact/chat/" + encode(id));
            JsonNode pattern = json(second.data());
            assertThat(pattern.get("id").asText())
                    .isEqualTo(SUBSCRIPTIONS + "/urlpattern/https%3A%2F%2Fexample.com%2Fbooks%2F%3Aid/" + encode(id));
            assertThat(pattern.get("subscriber").asText()).isEqualTo(id);

            subscriber.close();
            JsonNode ended = json(watcher.nextMessage().data());
            assertThat(ended.get("match").asText()).isEqualTo("chat");
            assertThat(ended.get("active").asBoolean()).isFalse();

            server.hub.publish("public", SseEvent.message("public"));
            // Everything published before it was private: an anonymous subscriber of every topic got none of it.
            assertThat(anonymous.nextMessage().data()).isEqualTo("public");
        }
    }

    @Test
    void theApiListsTheActiveSubscriptionsAllByMatcherOrOneWithTheCursorToResumeFrom() {
        String token = subscriber(SUBSCRIPTIONS, SUBSCRIPTIONS + "/*");
        try (SseRecorder v1 = server.subscribe("match=chat");
             SseRecorder v0 = server.subscribe("topic=" + encode("https://example.com/books/{id}"))) {
            v1.next();
            v0.next();

            HttpResponse<String> all = api(SUBSCRIPTIONS, token);
            assertThat(all.statusCode()).isEqualTo(200);
            assertThat(all.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(all.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                    .matches("</\\.well-known/mercure>; rel=\"mercure\"; last-event-id=\"#[0-9a-z]{8}:[0-9]+\"; type=\"mercure\"; content-type=\"application/json\""));
            JsonNode collection = json(all.body());
            assertThat(collection.get("id").asText()).isEqualTo(SUBSCRIPTIONS);
            assertThat(collection.get("type").asText()).isEqualTo("subscriptions");
            assertThat(collection.get("subscriptions")).hasSize(2);
            JsonNode legacy = collection.get("subscriptions").findParent("topic");
            assertThat(legacy.get("topic").asText()).isEqualTo("https://example.com/books/{id}");
            String legacyPath = legacy.get("id").asText();
            assertThat(legacyPath).startsWith(SUBSCRIPTIONS + "/https%3A%2F%2Fexample.com%2Fbooks%2F%7Bid%7D/urn%3Auuid%3A");

            JsonNode chat = json(api(SUBSCRIPTIONS + "/exact/chat", token).body());
            assertThat(chat.get("subscriptions")).hasSize(1);
            String one = chat.get("subscriptions").get(0).get("id").asText();
            assertThat(json(api(one, token).body()).get("match").asText()).isEqualTo("chat");
            assertThat(json(api(legacyPath, token).body()).get("topic").asText()).isEqualTo("https://example.com/books/{id}");

            v1.close();
            Await.until("the subscription ends", () -> api(one, token).statusCode() == 404);
            assertThat(json(api(SUBSCRIPTIONS, token).body()).get("subscriptions")).hasSize(1);
        }
    }

    @Test
    void theApiNeedsATokenGrantingSubscribeOnThePathItself() {
        assertThat(api(SUBSCRIPTIONS, null).statusCode()).isEqualTo(401);
        HttpResponse<String> otherPath = api(SUBSCRIPTIONS, subscriber(SUBSCRIPTIONS + "/exact/:match"));
        assertThat(otherPath.statusCode()).isEqualTo(403);
        assertThat(otherPath.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
        assertThat(api(SUBSCRIPTIONS + "/exact/chat", subscriber(SUBSCRIPTIONS + "/exact/:match")).statusCode()).isEqualTo(200);
        assertThat(api(SUBSCRIPTIONS + "/regexp/a/b", subscriber("*")).statusCode()).isEqualTo(400);
    }

    @Test
    void withTheApiOffItsPathsAreNotFoundAndNothingIsPublished() {
        server.close();
        server = new TestServer(s -> s.heartbeat(Duration.ofMillis(300)));
        try (SseRecorder watcher = server.subscribe("match=*", "Authorization", "Bearer " + subscriber("*"))) {
            watcher.next();
            try (SseRecorder subscriber = server.subscribe("match=chat")) {
                subscriber.next();
            }
            assertThat(api(SUBSCRIPTIONS, subscriber("*")).statusCode()).isEqualTo(404);
            server.hub.publish("after", SseEvent.message("after"));
            assertThat(watcher.nextMessage().data()).isEqualTo("after");
        }
    }
}
