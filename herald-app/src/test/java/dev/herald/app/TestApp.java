package dev.herald.app;

import dev.herald.jetty.HeraldServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real app, wired as {@link Main} wires it, on an ephemeral loopback port, with a client. The
 * client is not a browser, and says so on its posts ({@link HeraldServer#REQUEST_HEADER}).
 */
public final class TestApp implements AutoCloseable {

    final Path dataDir;
    private final Map<String, String> settings;
    /** HTTP/1.1, as a browser speaks to a plain-HTTP server. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private App app;
    private boolean killed;
    private boolean closed;

    private TestApp(Path dataDir, Map<String, String> settings) {
        this.dataDir = dataDir;
        this.settings = Map.copyOf(settings);
        this.app = startApp(0);
    }

    private App startApp(int port) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "HERALD_HOST", "127.0.0.1",
                "HERALD_PORT", Integer.toString(port),
                "HERALD_DATA_DIR", dataDir.toString()));
        environment.putAll(settings);
        return App.start(AppConfig.from(environment));
    }

    public static TestApp start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** With more settings (environment variables, as {@link AppConfig} reads them). */
    public static TestApp start(Path dataDir, Map<String, String> settings) {
        return new TestApp(dataDir, settings);
    }

    /** The HTTP/1.1 client the fixture uses. */
    public HttpClient client() {
        return client;
    }

    public Path dataDir() {
        return dataDir;
    }

    public App app() {
        return app;
    }

    public URI uri(String path) {
        return app.uri().resolve(path);
    }

    /** Stops the app and starts a new one on the same port and data: a server restart. */
    public void restart() {
        restart(() -> { });
    }

    /** {@link #restart()}, running {@code whileDown} when the old app is stopped and the new one not yet started. */
    public void restart(Runnable whileDown) {
        int port = app.server().port();
        app.close();
        whileDown.run();
        app = startApp(port);
    }

    /**
     * Stops the app as a crash would, as far as other nodes can tell: its database connections close
     * first, so nothing it does on its way down (failing its jobs, unlisting its chat users, leaving
     * the nodes' table) reaches the shared data; then it stops serving. The other nodes must notice
     * by themselves. (A process killed with SIGKILL is what {@code SeveralNodesIT} does.)
     */
    public void kill() {
        killed = true;
        app.database().close();
        try {
            app.close();
        } catch (IllegalStateException expected) {
            // its database is gone: what it tried on the way down failed, as intended
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A GET as the chat user {@code user}. */
    public HttpResponse<String> getAs(String user, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", "herald-user=" + encode(user)).GET().build());
    }

    /** Posts a form: {@code fields} as name, value, name, value, … */
    public HttpResponse<String> post(String path, String... fields) {
        return postAs(null, path, fields);
    }

    /** Posts a form as the chat user {@code user} (its identity cookie), or as nobody when {@code null}. */
    public HttpResponse<String> postAs(String user, String path, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header(HeraldServer.REQUEST_HEADER, "test")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (user != null) {
            request.header("Cookie", "herald-user=" + encode(user));
        }
        return send(request.build());
    }

    /** Posts a notification as the page's form does; fails unless it was stored. */
    public void postNotification(String title, String body) {
        HttpResponse<String> response = post("/notifications", "title", title, "body", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /notifications answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Uploads {@code content} as the file {@code fileName} of a multipart form, as a browser does. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content) {
        return send(uploadRequest(path, fileName, content));
    }

    /** The request {@link #upload} sends. */
    public HttpRequest uploadRequest(String path, String fileName, byte[] content) {
        String boundary = "----herald-test-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(uri(path))
                .header(HeraldServer.REQUEST_HEADER, "test")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
    }

    /** Creates a chat room as the page's form does; returns its id. */
    public long createRoom(String name) {
        HttpResponse<String> response = postAs("admin", "/chat/rooms", "name", name);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /chat/rooms answered " + response.statusCode() + ": " + response.body());
        }
        String list = get("/chat").body();
        java.util.regex.Matcher room = java.util.regex.Pattern.compile("href=\"/chat/room\\?id=(\\d+)\">"
                + java.util.regex.Pattern.quote(name) + "<").matcher(list);
        if (!room.find()) {
            throw new AssertionError("room " + name + " is not listed in " + list);
        }
        return Long.parseLong(room.group(1));
    }

    /** Posts a chat message as {@code user}; fails unless it was stored. */
    public void say(String user, long room, String body) {
        HttpResponse<String> response = postAs(user, "/chat/messages", "room", Long.toString(room), "body", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /chat/messages answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Sends {@code request} on a connection of its own, closed after: for requests the server
     * refuses without reading their body, after which it closes the connection (a pooled connection
     * reused by the next request could be closing already).
     */
    public HttpResponse<String> sendAlone(HttpRequest request) {
        try (HttpClient alone = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return alone.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Stops the app (unless {@link #kill() killed}); once closed, closing again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!killed) {
            app.close();
        }
        client.close();
    }
}
