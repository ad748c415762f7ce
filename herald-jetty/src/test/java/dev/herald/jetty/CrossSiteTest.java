package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A page of another site must not make a visitor's browser change anything here (CSRF). */
class CrossSiteTest {

    private final TestServer server = new TestServer(s -> s.crossSiteProtection(true).handler(new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Content.Sink.write(response, true, "done " + request.getMethod(), callback);
            return true;
        }
    }));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusesAPostTheBrowserSaysComesFromAnotherSite() {
        for (String site : new String[] {"cross-site", "same-site"}) {
            HttpResponse<String> refused = post("Sec-Fetch-Site", site, "Origin", "https://evil.example");
            assertThat(refused.statusCode()).as(site).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("cross-site request refused: the browser says it comes from a " + site + " page\n");
        }
    }

    @Test
    void acceptsAPostFromTheSamePageOrAPersonsOwnNavigation() {
        assertThat(post("Sec-Fetch-Site", "same-origin", "Origin", origin()).body()).isEqualTo("done POST");
        assertThat(post("Sec-Fetch-Site", "none").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutSecFetchSiteTheOriginMustBeThisServer() {
        assertThat(post("Origin", origin()).statusCode()).isEqualTo(200);
        HttpResponse<String> other = post("Origin", "http://127.0.0.1:1");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo("cross-site request refused: Origin http://127.0.0.1:1 is not this server\n");
        assertThat(post("Origin", "null").statusCode()).isEqualTo(403);
        assertThat(post("Origin", "http://localhost.evil.example:" + server.server.port()).statusCode()).isEqualTo(403);
    }

    @Test
    void aClientThatSaysNeitherMustSendTheRequestHeader() {
        HttpResponse<String> bare = post();
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(bare.body()).isEqualTo("a request without Sec-Fetch-Site or Origin must carry the Herald-Request header\n");
        assertThat(post(HeraldServer.REQUEST_HEADER, "1").statusCode()).isEqualTo(200);
    }

    @Test
    void safeMethodsAndTheHubsPublishAreLeftAlone() {
        HttpResponse<String> get = server.get(server.server.uri().resolve("/page"), "Sec-Fetch-Site", "cross-site");
        assertThat(get.body()).isEqualTo("done GET");
        // The publish has its own rule, a JWT: refused for want of one, not for the site.
        HttpResponse<String> publish = server.send(HttpRequest.newBuilder(server.hub(""))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("topic=a&data=x")).build());
        assertThat(publish.statusCode()).isEqualTo(401);
        assertThat(server.publish(TestServer.token("a"), "topic", "a", "data", "x").statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsCarryTheSecurityHeadersToo() {
        assertThat(post().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private String origin() {
        return "http://127.0.0.1:" + server.server.port();
    }

    private HttpResponse<String> post(String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.server.uri().resolve("/page"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request.build());
    }
}
