package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testing.SseRecorder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CORS on the hub path, for the origins given to {@code Mercure.Builder.corsOrigins}: a page of such
 * an origin may subscribe and publish with credentials; other origins get no CORS header, so the
 * browser keeps their pages from reading anything. The server runs with the app's cross-site
 * protection on: the hub path keeps its own rule (a publisher JWT), which CORS does not relax.
 */
class CorsTest {

    private static final String APP = "https://app.example.com";

    private final TestServer server = new TestServer(s -> s.crossSiteProtection(true)
            .mercure(m -> m.corsOrigins(List.of(APP, "http://localhost:3000"))));

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> preflight(String origin, String method, String headers) {
        return server.send(HttpRequest.newBuilder(server.hub(""))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .header("Sec-Fetch-Site", "cross-site")
                .build());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsGrantedWithCredentialsTheMethodsAndTheHeadersClientsSend() {
        HttpResponse<String> answer = preflight(APP, "POST", "authorization,content-type");

        assertThat(answer.statusCode()).isEqualTo(204);
        HttpHeaders headers = answer.headers();
        assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(headers.firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(headers.firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST");
        assertThat(headers.firstValue("Access-Control-Allow-Headers"))
                .hasValue("Authorization, Cache-Control, Content-Type, Last-Event-ID");
        assertThat(headers.firstValue("Access-Control-Max-Age")).hasValue("3600");
        assertThat(headers.firstValue("Vary")).hasValue("Origin");
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaderAndIsRefused() {
        HttpResponse<String> answer = preflight("https://evil.example", "POST", "authorization");

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }

    @Test
    void aSubscriptionFromAnAllowedOriginCarriesTheOriginCredentialsAndTheHeadersItMayRead() {
        try (SseRecorder events = server.subscribe("topic=chat&lastEventID=earliest",
                "Origin", "http://localhost:3000", "Sec-Fetch-Site", "cross-site")) {
            HttpHeaders headers = events.response().headers();
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
            assertThat(headers.firstValue("Access-Control-Allow-Credentials")).hasValue("true");
            assertThat(headers.firstValue("Access-Control-Expose-Headers"))
                    .hasValue("Mercure-Last-Event-ID, Last-Event-ID, WWW-Authenticate, Link");
            assertThat(headers.firstValue("Vary")).hasValue("Origin");
            assertThat(headers.firstValue("Last-Event-ID")).hasValue("earliest");
        }
    }

    @Test
    void aSubscriptionFromAnotherOriginGetsNoCorsHeader() {
        try (SseRecorder events = server.subscribe("topic=chat", "Origin", "https://evil.example")) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
            assertThat(events.response().headers().firstValue("Vary")).hasValue("Origin");
        }
    }

    @Test
    void aCrossSitePublishFromAnAllowedOriginPassesTheCrossSiteGuardAndStillNeedsAPublisherToken() {
        HttpResponse<String> withToken = publish(TestServer.token("chat"));
        HttpResponse<String> withoutToken = publish(null);

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        // The refusal carries CORS headers too: the page can read why it was refused.
        assertThat(withoutToken.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(withoutToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void theAppsOwnPagesKeepTheirCrossSiteProtection() {
        HttpResponse<String> post = server.send(HttpRequest.newBuilder(server.server.uri().resolve("/notifications"))
                .header("Origin", APP).header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("title=x")).build());

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }

    @Test
    void anOriginMustBeSchemeHostAndPortAndNeverAWildcard() {
        assertThatThrownBy(() -> new TestServer(s -> s.mercure(m -> m.corsOrigins(List.of("*")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be *");
        assertThatThrownBy(() -> new TestServer(s -> s.mercure(m -> m.corsOrigins(List.of("https://app.example.com/page")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the CORS origin \"https://app.example.com/page\" is not an origin: scheme://host[:port], http or https, with no path");
    }

    private HttpResponse<String> publish(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.hub(""))
                .header("Origin", APP).header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("topic=chat&data=hi"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request.build());
    }
}
