package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.db.TestDatabase;
import dev.herald.testing.Await;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole app on PostgreSQL ({@code HERALD_DATABASE_URL}), feature by feature over HTTP: every
 * query the features run, on the engine several nodes share. (The repositories' own tests run on
 * both engines; this is the app wired as {@link Main} wires it.)
 */
class PostgresAppTest {

    @TempDir
    static Path dataDir;
    private static TestDatabase database;
    private static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        database = TestDatabase.create(TestDatabase.Engine.POSTGRESQL, dataDir);
        app = TestApp.start(dataDir, database.settings());
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void theDatabaseIsPostgresqlAndNoSqliteFileIsMade() {
        assertThat(app.app().database().toString()).isEqualTo("the PostgreSQL database 127.0.0.1:5432/postgres");
        assertThat(Files.exists(dataDir.resolve("herald.db"))).isFalse();
    }

    /** PostgreSQL's text cannot hold NUL: such a form is refused with a reason, never tried (a 500). */
    @Test
    void textWithTheNulCharacterIsRefusedWithAReason() {
        long room = app.createRoom("nul");

        HttpResponse<String> notification = app.post("/notifications", "title", "a\0b", "body", "");
        HttpResponse<String> message = app.postAs("ada", "/chat/messages", "room", Long.toString(room), "body", "hi\0");
        HttpResponse<String> prompt = app.post("/agent/runs", "prompt", "what\0");

        assertThat(notification.statusCode()).isEqualTo(400);
        assertThat(notification.body()).isEqualTo("The form field title cannot contain the NUL character.");
        assertThat(message.statusCode()).isEqualTo(400);
        assertThat(message.body()).isEqualTo("The form field body cannot contain the NUL character.");
        assertThat(prompt.statusCode()).isEqualTo(400);
        assertThat(app.get("/notifications").body()).doesNotContain("a\0b");
    }

    @Test
    void aNotificationIsStoredListedAndCounted() {
        app.postNotification("Deploy on PostgreSQL", "line 1\nline 2");

        assertThat(app.get("/notifications").body()).contains("Deploy on PostgreSQL", "line 1\nline 2");
        assertThat(app.post("/notifications/read").statusCode()).isEqualTo(204);
        assertThat(app.get("/").body()).contains("<span id=\"unread-count\" class=\"badge\" aria-label=\"unread\"></span>");
    }

    @Test
    void aChatRoomKeepsItsMessagesAndRefusesATakenName() {
        long room = app.createRoom("pg-room");
        app.say("ada", room, "hello from PostgreSQL");

        assertThat(app.getAs("ada", "/chat/room?id=" + room).body()).contains("hello from PostgreSQL");
        assertThat(app.postAs("bob", "/chat/rooms", "name", "pg-room").body()).contains("There is a room of that name already.");
    }

    @Test
    void anUploadedFileIsAnalysedToDone() {
        byte[] content = "one two\nthree\n".repeat(100).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = app.upload("/jobs", "words.txt", content);

        assertThat(created.statusCode()).isEqualTo(303);
        String job = created.headers().firstValue("Location").orElseThrow();
        Await.until(job + " is done", () -> app.get(job).body().contains("data-status=\"done\""));
        assertThat(app.get(job).body()).contains("<dd class=\"lines\">200</dd>", "<dd class=\"words\">300</dd>");
    }

    @Test
    void anAgentRunAnswersAndIsStoredWithItsToolCall() {
        app.postNotification("Backup finished", "");

        HttpResponse<String> created = app.post("/agent/runs", "prompt", "Which notifications mention backup?");

        String run = created.headers().firstValue("Location").orElseThrow();
        Await.until(run + " is done", () -> !app.get(run).body().contains("sse-connect"));
        assertThat(app.get(run).body()).contains("search_notifications", "Backup finished");
    }
}
