package dev.herald.app.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.AppPerTest;
import dev.herald.app.TestApp;
import dev.herald.testing.Await;
import dev.herald.testing.SseRecorder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The log tail of a new user's first minute: what the app does is there at INFO, so the page is alive. */
class LogsHttpTest {

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void theTailShowsTheRequestsJobsRunsAndStreamsOfTheApp() {
        app().postNotification("Deploy finished", "");
        app().upload("/jobs", "notes.txt", "one two".getBytes(StandardCharsets.UTF_8));
        app().post("/agent/runs", "prompt", "What time is it?");
        try (SseRecorder stream = SseRecorder.connect(app().client(), app().uri("/.well-known/mercure?topic=probe"))) {
            Await.until("the stream is open", () -> app().app().server().stats().openStreams() == 1);
            app().app().server().disconnectSubscribers();
            Await.until("the stream is closed", () -> app().app().server().stats().openStreams() == 0);
        }
        Await.until("the job and the run have ended", () -> app().get("/jobs/1").body().contains("data-status=\"done\"")
                && !app().get("/agent/runs/1").body().contains("sse-connect"));

        // The tail publishes its lines in batches, a moment after they are logged.
        List<String> lines = List.of("POST /notifications 201 in ", "Job 1 queued: notes.txt (7 bytes)", "Job 1 done",
                "Agent run 1 started", "Agent run 1 ended: done", " opened: [probe]", " closed");
        Await.until("the tail shows " + lines, () -> lines.stream().allMatch(app().get("/logs").body()::contains));

        assertThat(app().get("/logs").body()).contains(lines).containsPattern("Stream \\S+ opened: \\[probe\\]")
                .containsPattern("Stream \\S+ closed");
    }
}
