package dev.herald.mercure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.hub.Hub;
import dev.herald.hub.Replay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocol as a binding uses it: a request in, what to subscribe or the publish answer out. */
class MercureTest {

    static final String KEY = "0123456789abcdef0123456789abcdef";

    private final Hub hub = Hub.builder().build();
    private final Mercure mercure = Mercure.builder(hub).publisherJwtKey(KEY).build();

    @Test
    void aVersion1RequestSubscribesToItsMatchesAndNamesTheResumeIdInMercureLastEventId() {
        Subscribe subscribe = mercure.subscribe(FakeRequest.with("match", "a", "last_event_id", "x1"));

        assertThat(subscribe.version()).isEqualTo(Mercure.Version.V1);
        assertThat(subscribe.interest().topics()).containsExactly("a");
        assertThat(subscribe.lastEventId()).isEqualTo("x1");
        assertThat(subscribe.headers(new Replay.Exact(List.of()))).isEqualTo(Map.of("Mercure-Last-Event-ID", "x1"));
        assertThat(subscribe.headers(new Replay.Gap(Replay.Reason.UNKNOWN_ID, "x1", java.util.Set.of("a"), List.of())))
                .isEqualTo(Map.of("Mercure-Last-Event-ID", "earliest"));
    }

    @Test
    void aVersion0RequestTakesTopicAndLastEventIDAndTheHeaderWins() {
        Subscribe subscribe = mercure.subscribe(FakeRequest.with("topic", "*", "lastEventID", "x1").header("Last-Event-ID", "x2"));

        assertThat(subscribe.version()).isEqualTo(Mercure.Version.V0);
        assertThat(subscribe.interest().takesAllTopics()).isTrue();
        assertThat(subscribe.lastEventId()).isEqualTo("x2");
        assertThat(subscribe.headers(new Replay.Exact(List.of()))).isEqualTo(Map.of("Last-Event-ID", "x2"));
    }

    @Test
    void publishAnswersExactlyTheId() {
        String token = JWT.create().withClaim("mercure", Map.of("publish", List.of("*"))).sign(Algorithm.HMAC256(KEY));
        FakeRequest request = FakeRequest.with("topic", "a", "id", "urn:uuid:1", "data", "x")
                .header("Authorization", "Bearer " + token);

        assertThat(mercure.publish(request, request::form)).isEqualTo("urn:uuid:1");
    }

    @Test
    void theFormIsNotReadWithoutAValidToken() {
        assertThatThrownBy(() -> mercure.publish(FakeRequest.with(), () -> {
            throw new AssertionError("form read before authentication");
        })).isInstanceOfSatisfying(MercureException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.headers()).containsEntry("WWW-Authenticate", "Bearer");
        });
    }

    @Test
    void anotherContentTypeThanAFormIsUnsupported() {
        Mercure.checkFormContentType("application/x-www-form-urlencoded; charset=UTF-8");
        assertThatThrownBy(() -> Mercure.checkFormContentType("application/json"))
                .isInstanceOfSatisfying(MercureException.class, e -> assertThat(e.status()).isEqualTo(415));
    }
}
