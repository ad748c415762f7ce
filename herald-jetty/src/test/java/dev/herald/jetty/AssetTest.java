package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssetTest {

    private final TestServer server = new TestServer(s -> s
            .assetRoot("META-INF/resources/herald-test")
            .handler(TestServer.HELLO));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesWebJarsWithImmutableCacheHeaders() {
        HttpResponse<String> htmx = get("/assets/htmx.org/2.0.10/dist/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(htmx.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(htmx.body()).contains("htmx");

        assertThat(get("/assets/htmx-ext-sse/2.2.2/sse.js").statusCode()).isEqualTo(200);
        assertThat(get("/assets/hyperscript.org/0.9.14/dist/_hyperscript.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheApplicationsOwnAssetRoot() {
        HttpResponse<String> css = get("/assets/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).isEqualTo("body { color: red; }\n");
    }

    @Test
    void answers404ForMissingAssetsDirectoriesAndUnservedTypes() {
        assertThat(get("/assets/htmx.org/2.0.10/dist/nope.js").statusCode()).isEqualTo(404);
        assertThat(get("/assets/htmx.org/2.0.10/dist/").statusCode()).isEqualTo(404);
        assertThat(get("/assets/htmx.org/2.0.10/package.json").statusCode()).isEqualTo(200);
        assertThat(get("/assets/dev/herald/jetty/AssetTest.class").statusCode()).isEqualTo(404);
    }

    @Test
    void neverServesAFileOutsideTheRoots() {
        for (String path : new String[] {
                "/assets/htmx.org/../../../../../dev/herald/jetty/HeraldServer.js",
                "/assets/htmx.org/%2e%2e/%2e%2e/%2e%2e/%2e%2e/logback-test.xml",
                "/assets/..%2f..%2f..%2fMETA-INF/resources/herald-test/app.css",
                "/assets/htmx.org//2.0.10/dist/htmx.min.js"}) {
            assertThat(get(path).statusCode()).as(path).isIn(400, 404);
        }
    }

    @Test
    void passesOtherPathsToTheApplicationHandler() {
        HttpResponse<String> hello = get("/hello");
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("hello");
        assertThat(get("/elsewhere").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) {
        return server.get(URI.create(server.server.uri().toString().replaceAll("/$", "") + path));
    }
}
