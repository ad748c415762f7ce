package dev.herald.jetty;

import static dev.herald.jetty.TestServer.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.testing.SseRecorder;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publisher and subscriber tokens of both protocol versions, and private updates. */
class AuthorizationTest {

    static final String SUBSCRIBER_KEY = "a-subscriber-key-of-32-bytes-or-more";

    private TestServer server = new TestServer(s -> s.mercure(m -> m.subscriberJwtKey(SUBSCRIBER_KEY)));

    @AfterEach
    void stop() {
        server.close();
    }

    /** A Mercure 1.0 access token granting {@code action} on {@code matchers} (exact, or urlpattern when it has ":"). */
    static String accessToken(String key, String action, Instant expires, String... matchers) {
        List<Map<String, String>> topics = List.of(matchers).stream()
                .map(m -> m.contains("/:") ? Map.of("match", m, "match_type", "urlpattern") : Map.of("match", m)).toList();
        return JWT.create().withHeader(Map.of("typ", "at+jwt"))
                .withIssuer("https://example.com").withAudience("https://example.com/.well-known/mercure")
                .withExpiresAt(expires)
                .withClaim("authorization_details", List.of(Map.of(
                        "type", "https://mercure.rocks/authorization-detail", "actions", List.of(action), "topics", topics)))
                .sign(Algorithm.HMAC256(key));
    }

    static String subscriberToken(String... matchers) {
        return accessToken(SUBSCRIBER_KEY, "subscribe", Instant.now().plus(Duration.ofHours(1)), matchers);
    }

    /** A Mercure 0.x token: {@code mercure.subscribe} selectors. */
    static String legacySubscriberToken(String... selectors) {
        return JWT.create().withClaim("mercure", Map.of("subscribe", List.of(selectors))).sign(Algorithm.HMAC256(SUBSCRIBER_KEY));
    }

    @Test
    void aPrivateUpdateReachesOnlySubscribersWhoseTokenCoversOneOfItsTopicsLiveOrReplayed() {
        String before = server.hub.position();
        server.publish(TestServer.token("*"), "topic", "books/1", "topic", "users/42", "private", "on", "data", "secret before");
        String resume = "&last_event_id=" + encode(before);
        try (SseRecorder anonymous = server.subscribe("match=*" + resume);
             SseRecorder otherTopic = server.subscribe("match=*" + resume, "Authorization", "Bearer " + subscriberToken("users/7"));
             SseRecorder byHeader = server.subscribe("match=books/1" + resume, "Authorization", "Bearer " + subscriberToken("users/42"));
             SseRecorder byCookie = server.subscribe("match=books/1" + resume,
                     "Cookie", "__Secure-mercure_access_token=" + subscriberToken("https://example.com/users/:id", "users/42"));
             SseRecorder legacyByCookie = server.subscribe("topic=books/1&lastEventID=" + encode(before),
                     "Cookie", "mercureAuthorization=" + legacySubscriberToken("users/{id}"))) {
            server.publish(TestServer.token("*"), "topic", "books/1", "topic", "users/42", "private", "on", "data", "secret live");
            server.publish(TestServer.token("*"), "topic", "books/1", "data", "public");

            for (SseRecorder allowed : List.of(byHeader, byCookie, legacyByCookie)) {
                assertThat(allowed.nextMessage().data()).isEqualTo("secret before");
                assertThat(allowed.nextMessage().data()).isEqualTo("secret live");
                assertThat(allowed.nextMessage().data()).isEqualTo("public");
            }
            // The public update is published last: had the private ones been sent, they would come first.
            assertThat(anonymous.nextMessage().data()).isEqualTo("public");
            assertThat(otherTopic.nextMessage().data()).isEqualTo("public");
        }
    }

    @Test
    void theAuthorizationHeaderWinsOverTheCookie() {
        try (SseRecorder events = server.subscribe("match=a", "Authorization", "Bearer " + subscriberToken("b"),
                "Cookie", "__Secure-mercure_access_token=" + subscriberToken("a"))) {
            server.publish(TestServer.token("*"), "topic", "a", "private", "", "data", "secret");
            server.publish(TestServer.token("*"), "topic", "a", "data", "public");
            assertThat(events.nextMessage().data()).isEqualTo("public");
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() {
        String soon = accessToken(SUBSCRIBER_KEY, "subscribe", Instant.now().plusSeconds(2), "a");
        try (SseRecorder events = server.subscribe("match=a", "Authorization", "Bearer " + soon)) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            events.next(); // retry
            events.awaitEnd();
        }
    }

    @Test
    void anInvalidSubscriberTokenIsRefusedAsInvalidToken() {
        HttpResponse<String> forged = server.get(server.hub("match=a"), "Authorization", "Bearer "
                + accessToken("another-key-another-key-another-key", "subscribe", Instant.now().plusSeconds(60), "a"));
        HttpResponse<String> expired = server.get(server.hub("match=a"), "Authorization", "Bearer "
                + accessToken(SUBSCRIBER_KEY, "subscribe", Instant.now().minusSeconds(60), "a"));
        HttpResponse<String> withoutExp = server.get(server.hub("match=a"), "Authorization", "Bearer "
                + JWT.create().withHeader(Map.of("typ", "at+jwt")).sign(Algorithm.HMAC256(SUBSCRIBER_KEY)));
        HttpResponse<String> publisherKey = server.get(server.hub("match=a"), "Authorization", "Bearer "
                + accessToken(TestServer.KEY, "subscribe", Instant.now().plusSeconds(60), "a"));

        for (HttpResponse<String> response : List.of(forged, expired, withoutExp, publisherKey)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(response.body()).startsWith("invalid subscriber JWT: ");
        }
    }

    @Test
    void aMalformedAuthorizationDetailInvalidatesTheWholeToken() {
        String token = JWT.create().withHeader(Map.of("typ", "at+jwt")).withExpiresAt(Instant.now().plusSeconds(60))
                .withClaim("authorization_details", List.of(Map.of("type", "https://mercure.rocks/authorization-detail",
                        "actions", List.of("publish"), "topics", List.of(Map.of("match", "a", "match_type", "regexp")))))
                .sign(Algorithm.HMAC256(TestServer.KEY));

        HttpResponse<String> response = server.publish(token, "topic", "a", "data", "x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("invalid publisher JWT: the match_type regexp is not one this hub supports (exact, urlpattern)\n");
    }

    @Test
    void aVersion1PublisherTokenGrantsPublishOnItsMatchers() {
        String token = accessToken(TestServer.KEY, "publish", Instant.now().plusSeconds(60), "https://example.com/books/:id");

        assertThat(server.publish(token, "topic", "https://example.com/books/1", "data", "x").statusCode()).isEqualTo(200);
        assertThat(server.publish(token, "topic", "https://example.com/films/1", "data", "x").statusCode()).isEqualTo(403);
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() {
        server.close();
        server = new TestServer(s -> s.mercure(m -> m.jwtIssuer("https://example.com").jwtAudience("https://hub.example.com")));
        String wrongAudience = accessToken(TestServer.KEY, "publish", Instant.now().plusSeconds(60), "*");

        HttpResponse<String> response = server.publish(wrongAudience, "topic", "a", "data", "x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("aud");
    }

    @Test
    void anonymousSubscribersCanBeRefused() {
        server.close();
        server = new TestServer(s -> s.mercure(m -> m.anonymousSubscribers(false)));

        HttpResponse<String> response = server.get(server.hub("match=a"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void es256PublisherTokensAreVerifiedWithAPublicKeyFile(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path pem = Files.writeString(dir.resolve("publisher.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        server.close();
        server = new TestServer(s -> s.publisherJwtKey(null).mercure(m -> m.publisherJwtPublicKey(pem)));
        String token = JWT.create().withClaim("mercure", Map.of("publish", List.of("*")))
                .sign(Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate()));

        assertThat(server.publish(token, "topic", "a", "data", "x").statusCode()).isEqualTo(200);
        assertThat(server.publish(TestServer.token("*"), "topic", "a", "data", "x").statusCode()).isEqualTo(401);
    }
}
