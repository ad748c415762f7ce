package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.db.TestDatabase;
import dev.herald.jetty.HeraldServer;
import dev.herald.sse.SseEvent;
import dev.herald.testing.RequiredServices;
import dev.herald.testing.SelfSignedKeyStore;
import dev.herald.testing.SseRecorder;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar alone, started with {@code java -jar} as an operator does, on each setup it
 * supports: its pages answer, a page's stream delivers what is published after the page was
 * rendered, and SIGTERM stops it cleanly. The shade plugin leaves out what the app does not run
 * (see herald-app/pom.xml): a class it should have kept fails here.
 */
class RunnableJarIT {

    static final List<String> PAGES = List.of("/", "/notifications", "/chat", "/jobs", "/logs", "/dashboard", "/agent");
    private static final Pattern CONNECT = Pattern.compile("sse-connect=\"([^\"]+)\"");

    @TempDir
    Path dir;
    private JarProcess app;
    private TestDatabase database;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void onTheEmbeddedDefaultsSqliteAndAnInProcessHub() throws Exception {
        app = JarProcess.start(dir.resolve("app.log"), Map.of("HERALD_DATA_DIR", dir.resolve("data").toString()));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();

        servesPagesAndStreamsThenStopsOnSigterm(client, HttpClient.Version.HTTP_1_1, "the SQLite database");
    }

    @Test
    void onPostgresqlAndRedis() throws Exception {
        RequiredServices.redis();
        database = TestDatabase.create(TestDatabase.Engine.POSTGRESQL, dir);
        Map<String, String> settings = new HashMap<>(database.settings());
        settings.put("HERALD_DATA_DIR", dir.resolve("data").toString());
        settings.put("HERALD_REDIS_URL", "redis://127.0.0.1:" + RequiredServices.REDIS_PORT);
        settings.put("HERALD_REDIS_KEY_PREFIX", "herald-test:" + UUID.randomUUID() + ":");
        app = JarProcess.start(dir.resolve("app.log"), settings);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();

        servesPagesAndStreamsThenStopsOnSigterm(client, HttpClient.Version.HTTP_1_1, "the PostgreSQL database");
    }

    @Test
    void overTlsWithHttp2() throws Exception {
        Path keyStore = SelfSignedKeyStore.create(dir);
        app = JarProcess.start(dir.resolve("app.log"), Map.of("HERALD_DATA_DIR", dir.resolve("data").toString(),
                "HERALD_TLS_KEYSTORE", keyStore.toString(), "HERALD_TLS_KEYSTORE_PASSWORD", SelfSignedKeyStore.PASSWORD));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(trusting(keyStore))
                .cookieHandler(new CookieManager()).build();

        servesPagesAndStreamsThenStopsOnSigterm(client, HttpClient.Version.HTTP_2, "the SQLite database");
    }

    private void servesPagesAndStreamsThenStopsOnSigterm(HttpClient client, HttpClient.Version version, String database)
            throws Exception {
        app.awaitReady(client);
        assertThat(app.log()).contains("Herald app serving " + app.uri("/") + " on " + database);
        for (String page : PAGES) {
            HttpResponse<String> response = get(client, page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.version()).as(page).isEqualTo(version);
        }

        String page = get(client, "/notifications").body();
        Matcher connect = CONNECT.matcher(page);
        assertThat(connect.find()).as("the page's stream").isTrue();
        try (SseRecorder stream = SseRecorder.connect(client, app.uri(connect.group(1).replace("&amp;", "&")))) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            HttpResponse<String> posted = post(client, "/notifications", "title", "From the jar", "body", "published after the render");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

            SseEvent.Message event = stream.nextMessage();
            while (!event.data().contains("From the jar")) {
                event = stream.nextMessage();
            }
            assertThat(event.data()).contains("published after the render");
        }

        assertThat(app.stop()).isEqualTo(JarProcess.SIGTERM_STATUS);
        assertThat(app.log()).contains("Stopping: closing streams, then the database").doesNotContain("Exception", "ERROR");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(app.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form as the app's pages do (htmx sends the request header). */
    private HttpResponse<String> post(HttpClient client, String path, String... fields) throws Exception {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return client.send(HttpRequest.newBuilder(app.uri(path))
                .header(HeraldServer.REQUEST_HEADER, "test")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A TLS context that trusts the test's own self-signed certificate, and nothing else. */
    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, SelfSignedKeyStore.PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
