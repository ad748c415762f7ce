package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.jetty.SecurityHeaders;
import dev.herald.testing.SelfSignedKeyStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a security review probes: the headers on every response, cross-site posts, cookies over TLS. */
class SecurityTest {

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void everyPageAssetAndStreamCarriesTheStrictHeaders() {
        for (String path : new String[] {"/", "/notifications", "/chat", "/jobs", "/logs", "/dashboard", "/agent",
                "/metrics", "/nope", "/assets/herald-app/1/app.css"}) {
            HttpResponse<String> response = app().get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(SecurityHeaders.STRICT_CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
    }

    @Test
    void aForeignPageCannotMakeAVisitorsBrowserChangeAnything() {
        long room = app().createRoom("general");
        String[][] posts = {
                {"/notifications", "title=spam"},
                {"/notifications/read", ""},
                {"/agent/runs", "prompt=hello"},
                {"/agent/runs/1/cancel", ""},
                {"/jobs", ""},
                {"/jobs/1/cancel", ""},
                {"/chat/name", "name=mallory"},
                {"/chat/rooms", "name=spam"},
                {"/chat/messages", "room=" + room + "&body=spam"}};
        for (String[] post : posts) {
            HttpResponse<String> response = app().send(HttpRequest.newBuilder(app().uri(post[0]))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                    .POST(HttpRequest.BodyPublishers.ofString(post[1])).build());
            assertThat(response.statusCode()).as(post[0]).isEqualTo(403);
            assertThat(response.body()).as(post[0]).isEqualTo("cross-site request refused: the browser says it comes from a cross-site page\n");
            assertThat(response.headers().firstValue("Set-Cookie")).as(post[0]).isEmpty();
        }
        assertThat(app().get("/notifications").body()).doesNotContain("spam");
        assertThat(app().get("/agent").body()).doesNotContain("hello");
        assertThat(app().get("/chat").body()).doesNotContain("spam");
    }

    @Test
    void aPostWithNeitherOriginNorTheRequestHeaderIsRefused() {
        HttpResponse<String> response = app().send(HttpRequest.newBuilder(app().uri("/notifications"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=spam")).build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("a request without Sec-Fetch-Site or Origin must carry the Herald-Request header\n");
    }

    @Test
    void pagesOfTheCorsOriginsSubscribeAndPublishAcrossSitesWhileTheAppsFormsStayRefused() throws Exception {
        Path dir = Files.createTempDirectory(app().dataDir(), "cors");
        String origin = "https://widgets.example.com";
        try (TestApp cors = TestApp.start(dir, Map.of("HERALD_CORS_ORIGINS", origin + " http://localhost:3000",
                "HERALD_PUBLISHER_JWT_KEY", "a-publisher-key-of-32-bytes-or-more"))) {
            HttpResponse<String> preflight = cors.send(HttpRequest.newBuilder(cors.uri("/.well-known/mercure"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin).header("Sec-Fetch-Site", "cross-site")
                    .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization").build());
            HttpResponse<String> unauthorizedPublish = cors.send(HttpRequest.newBuilder(cors.uri("/.well-known/mercure"))
                    .header("Origin", origin).header("Sec-Fetch-Site", "cross-site")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("topic=notifications&data=spam")).build());
            HttpResponse<String> form = cors.send(HttpRequest.newBuilder(cors.uri("/notifications"))
                    .header("Origin", origin).header("Sec-Fetch-Site", "cross-site")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("title=spam")).build());

            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
            assertThat(unauthorizedPublish.statusCode()).isEqualTo(401);
            assertThat(unauthorizedPublish.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
            assertThat(form.statusCode()).isEqualTo(403);
            assertThat(form.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void everyCookieIsSecureOverTlsOnly_theChatNameTheVisitorAndTheHubToken() throws Exception {
        HttpResponse<String> plain = app().post("/chat/name", "name", "ada");
        assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).doesNotContain("Secure"));
        assertThat(app().get("/notifications").headers().allValues("Set-Cookie")).hasSize(2)
                .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));

        Path dir = Files.createTempDirectory(app().dataDir(), "tls");
        Path keyStore = SelfSignedKeyStore.create(dir);
        try (TestApp tls = TestApp.start(dir, Map.of("HERALD_TLS_KEYSTORE", keyStore.toString(),
                "HERALD_TLS_KEYSTORE_PASSWORD", SelfSignedKeyStore.PASSWORD))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trustingEveryone()).build();
            HttpResponse<String> secure = client.send(HttpRequest.newBuilder(tls.uri("/chat/name"))
                    .header("Herald-Request", "test").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=ada")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(secure.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Secure"));
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(tls.uri("/notifications")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.headers().allValues("Set-Cookie")).hasSize(2)
                    .allSatisfy(c -> assertThat(c).contains("; Secure", "; HttpOnly"));
            client.shutdownNow();
        }
    }

    /** The test's own self-signed certificate is all this client will see. */
    private static SSLContext trustingEveryone() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
