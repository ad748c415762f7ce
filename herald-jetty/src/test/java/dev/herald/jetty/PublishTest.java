package dev.herald.jetty;

import static dev.herald.jetty.TestServer.token;
import static dev.herald.jetty.TestServer.topics;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublishTest {

    private final TestServer server = new TestServer(s -> s.maxPublishBytes(4096));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void publishReturnsTheIdThatTheSubscriberReceives() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            HttpResponse<String> response = server.publish(token("a"), "topic", "a", "type", "note", "data", "<p>hi</p>\n<p>there</p>");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            String id = response.body();
            assertThat(id).matches("#[0-9a-z]{8}:1");
            assertThat(events.nextMessage()).isEqualTo(SseEvent.message(id, "note", "<p>hi</p>\n<p>there</p>"));
        }
    }

    @Test
    void keepsThePublishersOwnId() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            HttpResponse<String> response = server.publish(token("*"), "topic", "a", "id", "urn:uuid:1", "data", "x");

            assertThat(response.body()).isEqualTo("urn:uuid:1");
            assertThat(events.nextMessage().id()).isEqualTo("urn:uuid:1");
        }
    }

    @Test
    void formPublishToTwoTopicsArrivesOnceForASubscriberOfBoth() {
        try (SseRecorder events = server.subscribe(topics("a", "b"))) {
            server.publish(token("a", "b"), "topic", "a", "topic", "b", "data", "both");
            server.publish(token("a"), "topic", "a", "data", "after");

            assertThat(events.nextMessage().data()).isEqualTo("both");
            assertThat(events.nextMessage().data()).isEqualTo("after");
        }
    }

    @Test
    void forwardsRetryToSubscribersWithTheEvent() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            assertThat(server.publish(token("a"), "topic", "a", "retry", "5000", "data", "x").statusCode()).isEqualTo(200);
            assertThat(events.next()).isEqualTo(new SseEvent.Retry(3000)); // the server's, first
            assertThat(events.next()).isEqualTo(new SseEvent.Retry(5000));
            assertThat(events.nextMessage().data()).isEqualTo("x");
        }
    }

    @Test
    void aPrivateUpdateIsAcceptedAndNotDeliveredToAnAnonymousSubscriber() {
        try (SseRecorder events = server.subscribe(topics("a"))) {
            assertThat(server.publish(token("a"), "topic", "a", "private", "", "data", "secret").statusCode()).isEqualTo(200);
            server.publish(token("a"), "topic", "a", "data", "public");

            assertThat(events.nextMessage().data()).isEqualTo("public");
        }
    }

    @Test
    void refusesPublishWithoutToken() {
        HttpResponse<String> response = server.publish(null, "topic", "a", "data", "x");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).isEqualTo("publishing requires an Authorization: Bearer <JWT> header\n");
    }

    @Test
    void refusesTokenSignedWithAnotherKey() {
        String forged = JWT.create().withClaim("mercure", Map.of("publish", List.of("*")))
                .sign(Algorithm.HMAC256("another-key-another-key-another-key"));
        HttpResponse<String> response = server.publish(forged, "topic", "a", "data", "x");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body()).startsWith("invalid publisher JWT: The Token's Signature resulted invalid");
    }

    @Test
    void refusesExpiredToken() {
        String expired = JWT.create().withClaim("mercure", Map.of("publish", List.of("*")))
                .withExpiresAt(Instant.now().minusSeconds(60)).sign(Algorithm.HMAC256(TestServer.KEY));
        HttpResponse<String> response = server.publish(expired, "topic", "a", "data", "x");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).startsWith("invalid publisher JWT: The Token has expired");
    }

    @Test
    void refusesTopicTheTokenDoesNotCover() {
        HttpResponse<String> response = server.publish(token("a"), "topic", "a", "topic", "b", "data", "x");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
        assertThat(response.body()).isEqualTo("the token does not grant publish on topic \"b\"\n");
    }

    @Test
    void refusesPublishWithoutTopic() {
        assertBadRequest("at least one topic parameter is required", "data", "x");
    }

    @Test
    void refusesTypeWithLineBreak() {
        assertBadRequest("type must not contain control or format characters (U+000A at index 1)", "topic", "a", "type", "a\nb", "data", "x");
    }

    @Test
    void refusesIdWithLineBreak() {
        assertBadRequest("id must not contain control or format characters (U+000D at index 1)", "topic", "a", "id", "a\rb", "data", "x");
    }

    @Test
    void refusesIdInTheHubsNamespace() {
        assertBadRequest("event id \"#abcdefgh:1\" starts with #, as the hub's own ids do; choose another",
                "topic", "a", "id", "#abcdefgh:1", "data", "x");
    }

    @Test
    void refusesInvisibleCharactersInTopicsAndTheReservedType() {
        assertBadRequest("a topic must not contain control or format characters (U+200B at index 1)", "topic", "a\u200Bb", "data", "x");
        assertBadRequest("type \"mercure\" is reserved for the hub's own events", "topic", "a", "type", "mercure", "data", "x");
    }

    @Test
    void refusesTheWildcardAsATopic() {
        assertBadRequest("\"*\" stands for all topics: it cannot be published to", "topic", "*", "data", "x");
    }

    @Test
    void refusesTopicsUnderTheHubsOwnPathWhereverTheyPointAndHoweverTheyAreSpelled() {
        for (String topic : List.of("/.well-known/mercure", "/.well-known/mercure/subscriptions/exact/a/urn:uuid:1",
                "https://evil.example/.well-known/mercure/subscriptions", "/.well-known/%6Dercure/subscriptions",
                "/.well-known/x/../mercure/x", "/../.well-known/mercure/x", ".well-known/../../.well-known/mercure/%2e%2e/mercure/x",
                "/.well-known\\mercure\\x", "/.well-known/mercure/{x}")) {
            assertBadRequest("topic \"" + topic + "\" is under the hub's own path /.well-known/mercure, reserved for the events the hub generates",
                    "topic", "a", "topic", topic, "data", "x");
        }
        for (String topic : List.of("/.well-known/mercurey", "/.well-known/mercure-x/y", "urn:x:/.well-known/mercure/y")) {
            assertThat(server.publish(token("*"), "topic", topic, "data", "x").statusCode()).as(topic).isEqualTo(200);
        }
    }

    @Test
    void refusesNonNumericRetry() {
        assertBadRequest("retry must be a number of milliseconds (ASCII digits), was \"soon\"", "topic", "a", "retry", "soon", "data", "x");
    }

    @Test
    void refusesFormBodyOverTheLimitAsTooLarge() {
        HttpResponse<String> response = server.publish(token("*"), "topic", "a", "data", "x".repeat(5000));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("the form body is larger than 4096 bytes or has too many fields\n");
    }

    @Test
    void refusesPublishWhenNoKeyIsConfigured() {
        try (TestServer closed = new TestServer(s -> s.publisherJwtKey(null))) {
            HttpResponse<String> response = closed.publish(token("*"), "topic", "a", "data", "x");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("publishing over HTTP is off: the server has no publisher JWT key\n");
        }
    }

    @Test
    void refusesPublishThatIsNotAForm() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.hub(""))
                .header("Authorization", "Bearer " + token("*"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"a\"}")).build());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo("publish with Content-Type: application/x-www-form-urlencoded\n");
    }

    @Test
    void refusesOtherMethodsOnTheHubPath() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.hub("")).DELETE().build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(response.body()).isEqualTo("DELETE is not allowed here: GET subscribes, POST publishes\n");
    }

    private void assertBadRequest(String reason, String... fields) {
        HttpResponse<String> response = server.publish(token("*"), fields);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo(reason + "\n");
    }
}
