package dev.herald.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.AppPerTest;
import dev.herald.app.TestApp;
import dev.herald.testing.Await;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The agent's HTTP surface, on the real app. */
class AgentHttpTest {

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void aPromptIsPostedAndTheAnswerIsAtItsRunsPageWhoseUrlHoldsNoPrompt() {
        HttpResponse<String> created = app().post("/agent/runs", "prompt", "What time is it? secret-words");

        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/agent/runs/1").doesNotContain("secret");
        HttpResponse<String> page = app().get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("What time is it? secret-words", "offline agent (no language model)");
    }

    @Test
    void anEmptyOrOverlongPromptIsRefusedWithTheReason() {
        assertThat(app().post("/agent/runs", "prompt", "  ").body()).isEqualTo("A prompt is required.");
        HttpResponse<String> long_ = app().post("/agent/runs", "prompt", "x".repeat(4001));
        assertThat(long_.statusCode()).isEqualTo(400);
        assertThat(long_.body()).isEqualTo("The prompt has 4001 characters; at most 4000 are allowed.");
    }

    @Test
    void anUnknownRunIs404AndCancellingItToo_asForJobs() {
        assertThat(app().get("/agent/runs/42").statusCode()).isEqualTo(404);
        assertThat(app().get("/agent/runs/x").body()).contains("No agent run (the id must be a number: /agent/runs/1).");
        HttpResponse<String> cancel = app().post("/agent/runs/42/cancel");
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(cancel.body()).isEqualTo("No agent run 42");
        assertThat(app().post("/agent/runs/x/cancel").statusCode()).isEqualTo(404);
    }

    @Test
    void cancellingARunThatHasEndedIs409() {
        app().post("/agent/runs", "prompt", "What time is it?");
        Await.until("the run has ended", () -> !app().get("/agent/runs/1").body().contains("sse-connect"));

        HttpResponse<String> cancel = app().post("/agent/runs/1/cancel");
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(cancel.body()).isEqualTo("Agent run 1 has already ended.");
    }
}
