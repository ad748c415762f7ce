package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testing.SseRecorder;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void everyResponseIsNosniffByDefault_pageAssetStreamRefusalAndNotFound() {
        try (TestServer server = new TestServer(s -> s.handler(TestServer.HELLO))) {
            for (String path : new String[] {"/hello", "/assets/htmx.org/2.0.10/dist/htmx.min.js", "/nowhere",
                    HeraldServer.HUB_PATH}) {
                HttpResponse<String> response = server.get(server.server.uri().resolve(path));
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isEmpty();
            }
            try (SseRecorder stream = server.subscribe(TestServer.topics("a"))) {
                assertThat(stream.response().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
        }
    }

    @Test
    void strictAddsThePolicyFramingAndReferrerHeadersEverywhere() {
        try (TestServer server = new TestServer(s -> s.handler(TestServer.HELLO).securityHeaders(SecurityHeaders.strict()))) {
            for (String path : new String[] {"/hello", "/assets/htmx.org/2.0.10/dist/htmx.min.js", "/nowhere"}) {
                HttpResponse<String> response = server.get(server.server.uri().resolve(path));
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                        .hasValue(SecurityHeaders.STRICT_CONTENT_SECURITY_POLICY);
                assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            }
            try (SseRecorder stream = server.subscribe(TestServer.topics("a"))) {
                assertThat(stream.response().headers().firstValue("Content-Security-Policy"))
                        .hasValue(SecurityHeaders.STRICT_CONTENT_SECURITY_POLICY);
            }
        }
    }

    @Test
    void aPolicyIsReplacedWhole() {
        SecurityHeaders headers = SecurityHeaders.strict().withContentSecurityPolicy("default-src 'none'")
                .withReferrerPolicy("no-referrer");
        assertThat(headers.headers()).containsEntry("Content-Security-Policy", "default-src 'none'")
                .containsEntry("Referrer-Policy", "no-referrer").containsEntry("X-Frame-Options", "DENY");
        assertThat(SecurityHeaders.strict().headers()).containsEntry("Referrer-Policy", "same-origin");
    }

    @Test
    void aHeaderValueIsOneLine() {
        assertThatThrownBy(() -> SecurityHeaders.minimal().withContentSecurityPolicy("default-src 'self'\r\nSet-Cookie: a=b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one non-blank line");
        assertThatThrownBy(() -> SecurityHeaders.minimal().withReferrerPolicy(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
