package dev.herald.app.agent;

import java.time.Instant;

/**
 * A stored run.
 *
 * @param agent        who answered, such as "offline agent (no language model)"
 * @param answer       the text streamed so far
 * @param error        the readable message of a failed run, else {@code null}
 * @param inputTokens  as the provider reported them, else {@code null}
 * @param outputTokens as the provider reported them, else {@code null}
 * @param finishedAt   {@code null} while running
 */
public record AgentRun(long id, String prompt, String agent, RunStatus status, String answer, String error,
                       Long inputTokens, Long outputTokens, Instant createdAt, Instant finishedAt) {

    /** This run with {@code answer} as its text (the text streamed but not yet stored). */
    AgentRun withAnswer(String answer) {
        return new AgentRun(id, prompt, agent, status, answer, error, inputTokens, outputTokens, createdAt, finishedAt);
    }

    /** The topic its live events go to. */
    public String topic() {
        return "agent/run/" + id;
    }

    public boolean live() {
        return status == RunStatus.RUNNING;
    }

    /** The run's page. */
    public String url() {
        return "/agent/runs/" + id;
    }
}
