package dev.herald.app;

import static dev.herald.app.Probe.get;
import static dev.herald.app.Probe.post;
import static dev.herald.app.Probe.probe;
import static dev.herald.app.Probe.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.web.AppAssets;
import dev.herald.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security review's bad-input probes, kept (issue 15: "a repeat of the review's probes finds
 * no defect"). Each probe is one request over a real socket to the app as {@link Main} wires it,
 * holding one thing a well-behaved client never sends: CR, LF or NUL in a name, an id, a file name
 * or a header; a payload past its bound; a malformed body; a cross-site post; an unknown route or
 * method. Each must be answered with its status and a reason a person can read — one line, naming
 * no Java class — and leave everything as it was: no row, file, cookie or read mark changes.
 * The app holds one of each thing (a room, a notification, a finished job and agent run) to probe.
 */
class ReviewProbesTest {

    private static final int UPLOAD_LIMIT = 256 * 1024;
    private static final String ROOM = "1";

    @TempDir
    static Path dataDir;
    private static TestApp app;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        app = TestApp.start(dataDir, Map.of("HERALD_UPLOAD_MAX_BYTES", Integer.toString(UPLOAD_LIMIT)));
        http = new RawHttp(app.app().server().port());
        app.createRoom("general");
        app.say("ada", 1, "hello");
        app.postNotification("Deploy finished", "");
        app.upload("/jobs", "notes.txt", "one two three\n".getBytes(StandardCharsets.UTF_8));
        app.post("/agent/runs", "prompt", "What time is it?");
        Await.until("the job and the run have ended", () -> app.get("/jobs/1").body().contains("data-status=\"done\"")
                && !app.get("/agent/runs/1").body().contains("sse-connect"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Stream<Probe> badInput() {
        String hub = "/.well-known/mercure?topic=probe";
        return Stream.of(
                // CR, LF and NUL in names and ids
                probe("CR/LF in a chat name", post("/chat/name", "name=a%0D%0Ab"), 400, "A name cannot contain control characters."),
                probe("NUL in a chat name", post("/chat/name", "name=a%00b"), 400, "The form field name cannot contain the NUL character."),
                probe("CR/LF in a room name", post("/chat/rooms", "name=a%0D%0Ab"), 400, "A room name cannot contain control characters."),
                probe("NUL in a room name", post("/chat/rooms", "name=a%00b"), 400, "The form field name cannot contain the NUL character."),
                probe("CR/LF in a notification's title", post("/notifications", "title=a%0D%0Ab"), 400,
                        "A title is one line: it cannot contain line breaks or control characters."),
                probe("NUL in a notification's title", post("/notifications", "title=a%00b"), 400,
                        "The form field title cannot contain the NUL character."),
                probe("NUL in a form field's name", post("/notifications", "title=a&x%00y=1"), 400,
                        "A form field's name cannot contain the NUL character."),
                probe("NUL in a chat message", post("/chat/messages", "room=1&body=a%00b"), 400,
                        "The form field body cannot contain the NUL character."),
                probe("NUL in a prompt", post("/agent/runs", "prompt=a%00b"), 400, "The form field prompt cannot contain the NUL character."),
                probe("CR/LF in an agent request key", post("/agent/runs", "prompt=hi&key=abcdefgh%0D%0Aijklmnop"), 400,
                        "The request key must be 16 to 64 letters, digits, '-' or '_' (the form's hidden \"key\" field)."),
                probe("CR/LF in a room id", get("/chat/room?id=1%0D%0A2"), 400, "A room id is a number."),
                probe("NUL in a room id", get("/chat/room?id=%00"), 400, "A room id is a number."),
                probe("no room id", get("/chat/room"), 400, "A room id is a number."),
                probe("a room id past the largest number", get("/chat/room?id=99999999999999999999"), 400,
                        "A room id is a number."),
                probe("a room that does not exist", get("/chat/room?id=999").header("HX-Request: true"), 404, "No room 999"),
                probe("CR/LF in a chat page id", post("/chat/leave?room=1&page=a%0D%0Ab", ""), 400, "A page id is 16 hex digits."),
                probe("CR/LF in a job id", get("/jobs/1%0D%0A"), 400, "Bad Request: Suspicious Path Character"),
                probe("NUL in a job id", get("/jobs/%00"), 400, "Bad Request"),
                probe("CR/LF in an agent run id", get("/agent/runs/1%0D%0A"), 400, "Bad Request: Suspicious Path Character"),
                probe("CR/LF in a notification id", post("/notifications/1%0D%0A/read", ""), 400, "Bad Request: Suspicious Path Character"),
                probe("a job id that is no number", get("/jobs/1x").header("HX-Request: true"), 404, "No job (the id must be a number: /jobs/1)."),
                probe("a notification id that is no number", post("/notifications/x/read", ""), 404,
                        "No notification (the id must be a number: /notifications/1/read)."),
                probe("badly percent-encoded query", get("/chat/room?id=%zz"), 400, "The query string is not valid percent-encoding."),
                probe("a log level that is none", get("/logs?level=LOUD"), 400, "Unknown level \"LOUD\": use DEBUG, INFO, WARN or ERROR."),
                probe("an htmx that is neither 2 nor 4", get("/notifications?htmx=3"), 400, "?htmx= must be 2 or 4, was 3"),
                // Headers
                probe("CR inside a header value", get("/").header("X-Probe: a\rb"), 400, "Bad Request: Bad EOL"),
                probe("NUL inside a header value", get("/").header("X-Probe: a\0b"), 400, "Bad Request: Illegal character CNTL=0x0"),
                probe("a folded header line", get("/").header("X-Probe: a\r\n b"), 400, "Bad Request: Line Folding not supported"),
                probe("a space in a header's name", get("/").header("X Probe: a"), 400, "Bad Request: Illegal character SPACE=' '"),
                probe("a 64 KiB header", get("/").header("X-Probe: " + "x".repeat(64 * 1024)), 431, "Request Header Fields Too Large"),
                probe("a 20 KiB URI", get("/chat/room?id=" + "1".repeat(20 * 1024)), 414, "URI Too Long"),
                probe("two different Content-Lengths", post("/notifications", "title=a").header("Content-Length: 7").header("Content-Length: 99"), 400,
                        "Bad Request: Multiple Content-Lengths"),
                probe("Content-Length and chunked together", post("/notifications", "title=a").header("Transfer-Encoding: chunked"), 400,
                        "Bad Request: Transfer-Encoding and Content-Length"),
                probe("a space in the request target", get("/a b"), 400, "Bad Request: Illegal character SPACE=' '"),
                probe("a request target that is no path", get("nope"), 400, "Bad Request"),
                probe("a path climbing out of the assets", get("/assets/herald-app/1/%2e%2e/%2e%2e/%2e%2e/etc/passwd"), 400,
                        "Bad Request: Ambiguous URI path segment"),
                // Payloads past their bounds
                probe("a 200 KiB form", post("/notifications", "title=" + "x".repeat(200 * 1024)), 413,
                        "The form is larger than 128.0 KiB or has more than 20 fields."),
                probe("a form of 21 fields", post("/notifications", "title=a" + IntStream.range(0, 20).mapToObj(i -> "&f" + i + "=1")
                        .collect(Collectors.joining())), 413,
                        "The form is larger than 128.0 KiB or has more than 20 fields."),
                probe("a title of 201 characters", post("/notifications", "title=" + "x".repeat(201)), 400,
                        "The title has 201 characters; at most 200 are allowed."),
                probe("a body of 5,001 characters", post("/notifications", "title=a&body=" + "x".repeat(5001)), 400,
                        "The body has 5001 characters; at most 5000 are allowed."),
                probe("a chat name of 41 characters", post("/chat/name", "name=" + "x".repeat(41)), 400, "A name has at most 40 characters."),
                probe("a room name of 61 characters", post("/chat/rooms", "name=" + "x".repeat(61)), 400,
                        "A room name has at most 60 characters."),
                probe("a chat message of 5,001 characters", post("/chat/messages", "room=1&body=" + "x".repeat(5001)), 400,
                        "A message has at most 5000 characters."),
                probe("a prompt of 4,001 characters", post("/agent/runs", "prompt=" + "x".repeat(4001)), 400,
                        "The prompt has 4001 characters; at most 4000 are allowed."),
                probe("an upload one byte over the limit", upload("big.bin", new byte[UPLOAD_LIMIT + 1]), 413,
                        "The file is larger than the limit of 256.0 KiB; nothing was stored."),
                probe("an upload declaring a terabyte", post("/jobs", "").body("multipart/form-data; boundary=b", new byte[0])
                        .header("Content-Length: 1099511627776"), 413,
                        "The upload is 1.0 TiB, more than the limit of 256.0 KiB for a file; nothing was stored."),
                // File names and malformed multipart
                probe("a 100,000-character file name", upload("n".repeat(100_000), "tiny".getBytes(StandardCharsets.UTF_8)), 400,
                        "The file's name is too long: a part's headers may have 8.0 KiB; nothing was stored."),
                probe("CR/LF in a file name", upload("a\r\nb.txt", "tiny".getBytes(StandardCharsets.UTF_8)), 400,
                        "The upload is not valid multipart/form-data (invalid header name); nothing was stored."),
                probe("NUL in a file name", upload("a\0b.txt", "tiny".getBytes(StandardCharsets.UTF_8)), 400,
                        "The upload is not valid multipart/form-data (invalid byte 0); nothing was stored."),
                probe("an empty file name", upload("", "tiny".getBytes(StandardCharsets.UTF_8)), 400, "Choose a file to upload."),
                probe("multipart without a boundary", post("/jobs", "").body("multipart/form-data", "x".getBytes(StandardCharsets.US_ASCII)),
                        400, "The upload is not valid multipart/form-data (No multipart boundary parameter in Content-Type); nothing was stored."),
                probe("a multipart body of garbage", post("/jobs", "").body("multipart/form-data; boundary=b",
                        "garbage".getBytes(StandardCharsets.US_ASCII)), 400,
                        "The upload is not valid multipart/form-data (unexpected EOF in PREAMBLE); nothing was stored."),
                probe("a multipart body without its end", post("/jobs", "").body("multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end".getBytes(StandardCharsets.US_ASCII)),
                        400, "The upload is not valid multipart/form-data (unexpected EOF in CONTENT); nothing was stored."),
                probe("a multipart body with CR-only line ends", post("/jobs", "").body("multipart/form-data; boundary=b",
                        "--b\rContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nx\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII)),
                        400, "The upload is not valid multipart/form-data (invalid CR-only EOL); nothing was stored."),
                probe("an upload as text/plain", post("/jobs", "").body("text/plain", "x".getBytes(StandardCharsets.US_ASCII)), 415,
                        "Upload the file as multipart/form-data, not text/plain."),
                // Bad JSON and bad encodings where a form is expected
                probe("JSON to the notifications form", post("/notifications", "").body("application/json",
                        "{\"title\":".getBytes(StandardCharsets.US_ASCII)), 415,
                        "Send the form as application/x-www-form-urlencoded, not application/json."),
                probe("JSON to the chat form", post("/chat/messages", "").body("application/json",
                        "{\"room\":1,\"body\":\"hi\"}".getBytes(StandardCharsets.US_ASCII)), 415,
                        "Send the form as application/x-www-form-urlencoded, not application/json."),
                probe("JSON to the agent's form", post("/agent/runs", "").body("application/json",
                        "[1,".getBytes(StandardCharsets.US_ASCII)), 415,
                        "Send the form as application/x-www-form-urlencoded, not application/json."),
                probe("badly percent-encoded form", post("/notifications", "title=%zz"), 400,
                        "The form is not valid percent-encoding."),
                // Last-Event-ID refused before a stream opens
                probe("a Last-Event-ID of 257 characters", get(hub).header("Last-Event-ID: " + "x".repeat(257)), 400,
                        "Last-Event-ID is 257 chars long, the limit is 256"),
                probe("a lastEventID query of 257 characters", get(hub + "&lastEventID=" + "x".repeat(257)), 400,
                        "Last-Event-ID is 257 chars long, the limit is 256"),
                probe("CR/LF in a lastEventID query", get(hub + "&lastEventID=a%0D%0Ab"), 400,
                        "Last-Event-ID must not contain CR, LF or NUL"),
                probe("NUL in a Last-Event-ID header", get(hub).header("Last-Event-ID: a\0b"), 400, "Bad Request: Illegal character CNTL=0x0"),
                probe("a 4 KiB Origin", post("/notifications", "title=a").header("Origin: https://" + "o".repeat(4096)), 403,
                        "cross-site request refused: Origin https://" + "o".repeat(92) + "… is not this server"),
                // The hub's own checks
                probe("a subscribe without a topic", get("/.well-known/mercure"), 400, "at least one topic parameter is required"),
                probe("a subscribe with a bad encoding", get("/.well-known/mercure?topic=%zz"), 400, "the query string is not valid URL encoding"),
                probe("a publish to a hub without a publisher key", post("/.well-known/mercure", "topic=a&data=b")
                        .header("Sec-Fetch-Site: cross-site"), 403, "publishing over HTTP is off: the server has no publisher JWT key"),
                probe("PUT on the hub", get("/.well-known/mercure").method("PUT"), 405, "PUT is not allowed here: GET subscribes, POST publishes"),
                // Unknown routes and methods
                probe("an unknown path, from htmx", get("/nope").header("HX-Request: true"), 404, "No page at /nope"),
                probe("an unknown path, from a person", get("/nope"), 404, "No page at /nope."),
                probe("a post to an unknown path", post("/nope", "a=b"), 404, "No page at /nope"),
                probe("an unknown method", get("/").method("BREW"), 405, "BREW is not allowed on /; use GET or HEAD"),
                probe("TRACE", get("/").method("TRACE"), 405, "TRACE is not allowed on /; use GET or HEAD"),
                probe("DELETE on a form's route", get("/notifications").method("DELETE"), 405,
                        "DELETE is not allowed on /notifications; use GET or HEAD or POST"),
                probe("GET on a post's route", get("/notifications/read"), 405, "GET is not allowed on /notifications/read; use POST"),
                // Cancels and marks of what does not exist, or has ended
                probe("cancel of an unknown job", post("/jobs/999/cancel", ""), 404, "No job 999"),
                probe("cancel of a job id that is no number", post("/jobs/abc/cancel", ""), 404, "No job (the id must be a number: /jobs/1)."),
                probe("cancel of an unknown agent run", post("/agent/runs/999/cancel", ""), 404, "No agent run 999"),
                probe("cancel of an agent run id that is no number", post("/agent/runs/abc/cancel", ""), 404,
                        "No agent run (the id must be a number: /agent/runs/1)."),
                probe("mark read of an unknown notification", post("/notifications/999/read", ""), 404, "No notification 999"),
                probe("cancel of a job that has ended", post("/jobs/1/cancel", ""), 409, "Job 1 has already ended."),
                probe("cancel of an agent run that has ended", post("/agent/runs/1/cancel", ""), 409, "Agent run 1 has already ended."),
                probe("a chat post without a name", post("/chat/messages", "room=1&body=hi").without("Cookie"), 400,
                        "Choose a name first (GET /chat)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void isAnsweredWithItsStatusAndAOneLineReasonAndChangesNothing(Probe probe) {
        assertRefusedChangingNothing(probe);
    }

    /** Every route that changes something, posted from another site in each way a browser says so. */
    static Stream<Probe> crossSite() {
        List<Probe.Request> posts = List.of(post("/notifications", "title=spam"), post("/notifications/read", ""),
                post("/notifications/1/read", ""), post("/chat/name", "name=mallory"), post("/chat/rooms", "name=spam"),
                post("/chat/messages", "room=1&body=spam"), post("/chat/leave?room=1&page=0123456789abcdef", ""),
                upload("spam.txt", "spam".getBytes(StandardCharsets.US_ASCII)), post("/jobs/1/cancel", ""),
                post("/agent/runs", "prompt=spam"), post("/agent/runs/1/cancel", ""));
        return posts.stream().flatMap(request -> Stream.of(
                probe(request.target() + " from a cross-site page", request.header("Sec-Fetch-Site: cross-site"), 403,
                        "cross-site request refused: the browser says it comes from a cross-site page"),
                probe(request.target() + " from a same-site page", request.header("Sec-Fetch-Site: same-site"), 403,
                        "cross-site request refused: the browser says it comes from a same-site page"),
                probe(request.target() + " with another Origin", request.header("Origin: https://evil.example"), 403,
                        "cross-site request refused: Origin https://evil.example is not this server"),
                probe(request.target() + " with the null Origin", request.header("Origin: null"), 403,
                        "cross-site request refused: Origin null is not this server"),
                probe(request.target() + " saying neither", request.without("Herald-Request"), 403,
                        "a request without Sec-Fetch-Site or Origin must carry the Herald-Request header")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossSite")
    void aCrossSitePostIsRefusedAndChangesNothing(Probe probe) {
        assertRefusedChangingNothing(probe);
    }

    /** Every GET route, and what its GET answers. */
    static Stream<Probe> getRoutes() {
        return Stream.of("/", "/favicon.ico", "/healthz", "/readyz", "/notifications", "/chat", "/chat/room?id=" + ROOM, "/jobs",
                "/jobs/1", "/logs", "/dashboard", "/metrics", "/agent", "/agent/runs/1", AppAssets.CSS, "/nope")
                .map(path -> probe("HEAD " + path, get(path).method("HEAD"), path.equals("/favicon.ico") ? 303 : path.equals("/nope") ? 404 : 200, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getRoutes")
    void headIsAnsweredAsGetIsWithoutTheBody(Probe probe) {
        RawHttp.Answer asGet = http.exchange(probe.request().method("GET").head(port()), new byte[0]);
        RawHttp.Answer head = http.exchange(probe.request().head(port()), new byte[0]);

        assertThat(head.status()).as(head.toString()).isEqualTo(probe.status()).isEqualTo(asGet.status());
        assertThat(head.header("Content-Type")).isEqualTo(asGet.header("Content-Type"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void headOnTheHubAnswersTheStreamsHeadWithoutOpeningIt() {
        RawHttp.Answer head = http.exchange(get("/.well-known/mercure?topic=probe").method("HEAD").head(port()), new byte[0]);

        assertThat(head.status()).as(head.toString()).isEqualTo(200);
        assertThat(head.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(head.body()).isEmpty();
    }

    /** A topic without a snapshot is told its history is gone; a page's topic is re-rendered instead. */
    @Test
    void anUnknownOrAncientLastEventIdOpensTheStreamWithAResetOrARerender() {
        String probe = "/.well-known/mercure?topic=probe";
        String notifications = "/.well-known/mercure?topic=notifications";

        String unknown = http.readStreamUntil(get(probe).header("Last-Event-ID: no-such-id").head(port()), "\"topics\"");
        String ancient = http.readStreamUntil(get(probe).header("Last-Event-ID: #00000000:1").head(port()), "\"topics\"");
        String page = http.readStreamUntil(get(notifications).header("Last-Event-ID: #00000000:1").head(port()), "Deploy finished");

        assertThat(unknown).startsWith("HTTP/1.1 200").contains("event: herald-reset\ndata: {\"reason\":\"unknown-id\"");
        assertThat(ancient).startsWith("HTTP/1.1 200").contains("event: herald-reset\ndata: {\"reason\":\"earlier-epoch\"");
        assertThat(page).startsWith("HTTP/1.1 200").contains("event: herald-snapshot\n").doesNotContain("herald-reset");
    }

    /** What is accepted is kept as sent: every character, in every place it shows. */
    @Test
    void inputAtItsBoundsAndInEveryScriptIsKeptWhole() {
        Fingerprint before = Fingerprint.of(app);
        String start = "é 日本 🚀 <b>&amp;</b> ";
        String title = start + "x".repeat(200 - start.codePointCount(0, start.length()));
        String body = "line one\r\nline\ttwo\n" + "y".repeat(4000);

        assertThat(http.exchange(post("/notifications", "title=" + encode(title) + "&body=" + encode(body)).head(port()),
                ("title=" + encode(title) + "&body=" + encode(body)).getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(201);
        app.say("ada", 1, "tab\there, a line\r\nbreak, 🚀");
        assertThat(app.upload("/jobs", "résumé 📄.txt", "a b".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(303);

        Fingerprint after = Fingerprint.of(app);
        assertThat(after.notifications()).isEqualTo(before.notifications() + 1);
        assertThat(after.messages()).isEqualTo(before.messages() + 1);
        assertThat(after.jobs()).isEqualTo(before.jobs() + 1);
        assertThat(app.get("/notifications").body()).contains("é 日本 🚀 &lt;b&gt;&amp;amp;&lt;/b&gt; x", "line\ttwo");
        assertThat(app.getAs("ada", "/chat/room?id=" + ROOM).body()).contains("tab\there, a line", "break, 🚀");
        assertThat(app.get("/jobs").body()).contains("résumé 📄.txt");
    }

    private static void assertRefusedChangingNothing(Probe probe) {
        Fingerprint before = Fingerprint.of(app);

        RawHttp.Answer answer = http.exchange(probe.request().head(port()), probe.request().body());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(probe.status());
        String type = answer.header("Content-Type").orElse("");
        if (type.startsWith("text/html")) {
            assertThat(answer.body()).as("a page").contains(probe.reason());
        } else {
            assertThat(type).as(answer.toString()).startsWith("text/plain");
            assertThat(answer.body().strip()).as("the reason").isEqualTo(probe.reason());
            assertThat(answer.body().strip()).as("one line").doesNotContain("\r", "\n");
        }
        assertThat(answer.body()).as("names no Java class")
                .doesNotContainPattern("\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.|\\b[A-Z]\\w*(Exception|Error)\\b");
        assertThat(answer.header("Set-Cookie")).as("no cookie set").isEmpty();
        assertThat(Fingerprint.of(app)).as("nothing changed").isEqualTo(before);
    }

    private static int port() {
        return app.app().server().port();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the app holds: its rows, its unread count and its job files. */
    record Fingerprint(long notifications, long unread, long rooms, long messages, long jobs, long runs, long files) {

        static Fingerprint of(TestApp app) {
            long[] counts = app.app().database().transaction(connection -> new long[] {
                    count(connection, "SELECT COUNT(*) FROM notifications"),
                    count(connection, "SELECT COUNT(*) FROM notifications WHERE read_at IS NULL"),
                    count(connection, "SELECT COUNT(*) FROM chat_rooms"),
                    count(connection, "SELECT COUNT(*) FROM chat_messages"),
                    count(connection, "SELECT COUNT(*) FROM jobs"),
                    count(connection, "SELECT COUNT(*) FROM agent_runs")});
            try (Stream<Path> files = Files.walk(app.dataDir().resolve("jobs"))) {
                return new Fingerprint(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                        files.filter(Files::isRegularFile).count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long count(java.sql.Connection connection, String sql) throws SQLException {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
