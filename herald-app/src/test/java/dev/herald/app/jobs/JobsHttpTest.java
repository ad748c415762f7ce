package dev.herald.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.TestApp;
import dev.herald.app.db.Database;
import dev.herald.jetty.HeraldServer;
import dev.herald.sse.SseEvent;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs feature over a real socket: uploads, limits, the job's stream, crash recovery. */
class JobsHttpTest {

    private static final int LIMIT = 64 * 1024;

    @TempDir
    Path dataDir;
    @AutoClose
    private TestApp app;

    @Test
    void anUploadOverTheLimitIsRefusedWith413AndNothingIsStored() throws IOException {
        app = TestApp.start(dataDir, Map.of("HERALD_UPLOAD_MAX_BYTES", Integer.toString(LIMIT)));

        HttpResponse<String> response = app.upload("/jobs", "big.bin", new byte[LIMIT + 1]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("The file is larger than the limit of 64.0 KiB; nothing was stored.");
        assertNothingStored();
    }

    @Test
    void anUploadThatGrowsPastTheLimitWithoutADeclaredLengthIsRefusedAndNothingIsStored() throws IOException {
        app = TestApp.start(dataDir, Map.of("HERALD_UPLOAD_MAX_BYTES", Integer.toString(LIMIT)));
        String boundary = "b0undary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n"
                + "x".repeat(4 * LIMIT) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/jobs"))
                .header(HeraldServer.REQUEST_HEADER, "test")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(unknownLength(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void anUploadWithoutAFileIsRefused() {
        app = TestApp.start(dataDir);

        HttpResponse<String> response = app.upload("/jobs", "", new byte[3]);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Choose a file to upload.");
    }

    @Test
    void aMalformedUploadIsRefusedWithAReasonThatNamesNoJavaClass() throws IOException {
        app = TestApp.start(dataDir);
        String[] bodies = {
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end boundary",
                "--b\rContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nx\r\n--b--\r\n",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\nb.txt\"\r\n\r\nx\r\n--b--\r\n",
                "garbage"};
        for (String body : bodies) {
            HttpResponse<String> response = app.sendAlone(HttpRequest.newBuilder(app.uri("/jobs"))
                    .header(HeraldServer.REQUEST_HEADER, "test").header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+|Exception|\\n.");
        }
        assertNothingStored();
    }

    @Test
    void aHundredThousandCharacterFileNameIsReportedAsALongNameNotAsALargeFile() throws IOException {
        app = TestApp.start(dataDir);

        HttpResponse<String> response = app.upload("/jobs", "n".repeat(100_000), "tiny".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("The file's name is too long: a part's headers may have 8.0 KiB; nothing was stored.");
        assertNothingStored();
    }

    @Test
    void controlCharactersInAFileNameAreRefusedWithAClearReason() throws IOException {
        app = TestApp.start(dataDir);

        for (String name : new String[] {"nul\u0000.txt", "bell\u0007.txt", "cr\rlf\n.txt", "del\u007f.txt"}) {
            HttpResponse<String> response = app.sendAlone(app.uploadRequest("/jobs", name, "tiny".getBytes(StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.body()).as(name).startsWith("The upload is not valid multipart/form-data (")
                    .endsWith("); nothing was stored.").doesNotContain("Exception", "java.", "org.");
        }
        assertNothingStored();
    }

    @Test
    void aStoredUploadLeadsToItsJobWhichRunsToDoneAndThenRendersStatic() throws Exception {
        app = TestApp.start(dataDir);
        byte[] content = "one two\nthree\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = app.upload("/jobs", "words.txt", content);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/jobs/1");
        Await.until("job 1 is done", () -> app.get("/jobs/1").body().contains("data-status=\"done\""));
        String page = app.get("/jobs/1").body();
        assertThat(page)
                .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                .contains("<dd class=\"lines\">2000</dd>", "<dd class=\"words\">3000</dd>")
                .doesNotContain("sse-connect", "sse-swap=\"progress\"");
        assertThat(Files.list(dataDir.resolve("jobs/files"))).as("the file is deleted once analysed").isEmpty();
    }

    @Test
    void aLiveJobsPageSubscribesFromItsPositionAndItsStreamRisesToADoneEventWithData() {
        app = TestApp.start(dataDir, Map.of("HERALD_JOB_READ_BYTES_PER_SECOND", "2000000"));
        app.upload("/jobs", "zeros.bin", new byte[1_000_000]);

        String page = app.get("/jobs/1").body();
        Matcher connect = Pattern.compile("sse-connect=\"([^\"]+)\"").matcher(page);
        assertThat(connect.find()).isTrue();
        assertThat(connect.group(1)).contains("topic=job%2F1&amp;", "lastEventID=");
        assertThat(page).contains("sse-close=\"done\"");

        List<Integer> percents = new ArrayList<>();
        try (SseRecorder stream = SseRecorder.connect(app.client(), app.uri(connect.group(1).replace("&amp;", "&")))) {
            for (SseEvent.Message event = stream.nextMessage(); ; event = stream.nextMessage()) {
                if (event.type().equals("progress")) {
                    Matcher percent = Pattern.compile("aria-valuenow=\"(\\d+)\"").matcher(event.data());
                    assertThat(percent.find()).isTrue();
                    percents.add(Integer.parseInt(percent.group(1)));
                } else if (event.type().equals("done")) {
                    assertThat(event.data()).contains("data-status=\"done\"", "<dd class=\"lines\">0</dd>");
                    break;
                }
            }
        }
        assertThat(percents).isSorted().endsWith(100);
        assertThat(percents.stream().distinct().count()).as("gradual: " + percents).isGreaterThan(5);
    }

    @Test
    void cancellingARunningJobEndsItCancelledAndASecondCancelIsAConflict() {
        app = TestApp.start(dataDir, Map.of("HERALD_JOB_READ_BYTES_PER_SECOND", "500000"));
        app.upload("/jobs", "zeros.bin", new byte[1_000_000]);
        Await.until("job 1 runs", () -> app.get("/jobs/1").body().contains("data-status=\"running\""));

        assertThat(app.post("/jobs/1/cancel").statusCode()).isEqualTo(204);

        Await.until("job 1 is cancelled", () -> app.get("/jobs/1").body().contains("data-status=\"cancelled\""));
        assertThat(app.post("/jobs/1/cancel").statusCode()).isEqualTo(409);
        assertThat(app.post("/jobs/9/cancel").statusCode()).isEqualTo(404);
        assertThat(app.get("/jobs/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void jobsLeftLiveByACrashAreFailedOnStartUpAndTheirPagesAreStatic() {
        try (Database database = Database.sqlite(dataDir)) {
            JobRepository jobs = new JobRepository(database);
            jobs.insert("crashed-node", "queued.txt", 10, Instant.now());
            long running = jobs.insert("crashed-node", "running.txt", 10, Instant.now()).id();
            jobs.started(running, "Computing SHA-256", Instant.now());
        }

        app = TestApp.start(dataDir);

        for (String path : List.of("/jobs/1", "/jobs/2")) {
            String page = app.get(path).body();
            assertThat(page).contains("data-status=\"failed\"", "Failed: The server running the job stopped.").doesNotContain("sse-connect");
        }
    }

    private void assertNothingStored() throws IOException {
        assertThat(app.get("/jobs").body()).doesNotContain("job-row-");
        try (Stream<Path> left = Files.walk(dataDir.resolve("jobs"))) {
            assertThat(left.filter(Files::isRegularFile)).as("files left behind").isEmpty();
        }
    }

    /** A body sent chunked: the server learns its size only by reading it. */
    private static HttpRequest.BodyPublisher unknownLength(byte[] body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(body);
        return HttpRequest.BodyPublishers.fromPublisher((Flow.Subscriber<? super java.nio.ByteBuffer> s) -> known.subscribe(s));
    }
}
