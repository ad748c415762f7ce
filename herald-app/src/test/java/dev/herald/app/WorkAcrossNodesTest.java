package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Await;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs and agent runs execute on the node they were started on; with two nodes, Cancel on the other
 * node stops them, and the work of a node that dies without its shutdown is marked failed by the
 * other within the node timeout.
 */
class WorkAcrossNodesTest {

    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    @AutoClose
    private TwoNodes nodes;
    private TestApp a;
    private TestApp b;

    @BeforeEach
    void start() {
        nodes = TwoNodes.start(dir, Map.of(
                "HERALD_NODE_TIMEOUT_MILLIS", Long.toString(NODE_TIMEOUT.toMillis()),
                "HERALD_JOB_READ_BYTES_PER_SECOND", "500000",
                "HERALD_AGENT_OFFLINE_DELAY_MS", "200"));
        a = nodes.a();
        b = nodes.b();
    }

    @Test
    void aJobRunningOnOneNodeIsCancelledFromTheOther() {
        String job = runningJobOnA();

        assertThat(b.post(job + "/cancel").statusCode()).isEqualTo(204);

        Await.until(job + " is cancelled, as B shows it", Duration.ofSeconds(5),
                () -> b.get(job).body().contains("data-status=\"cancelled\""));
        assertThat(b.post(job + "/cancel").statusCode()).as("once it ended").isEqualTo(409);
    }

    @Test
    void anAgentRunOnOneNodeIsCancelledFromTheOther() {
        HttpResponse<String> created = a.post("/agent/runs", "prompt", "What time is it?");
        String run = created.headers().firstValue("Location").orElseThrow();

        assertThat(b.post(run + "/cancel").statusCode()).isEqualTo(204);

        Await.until(run + " is cancelled, as B shows it", Duration.ofSeconds(5),
                () -> b.get(run).body().contains("class=\"run run-cancelled\""));
    }

    @Test
    void theJobOfANodeThatDiesIsMarkedFailedByTheOtherWithinTheNodeTimeout() {
        String job = runningJobOnA();

        long killedAt = System.nanoTime();
        a.kill();

        Await.until(job + " is failed, as B shows it", NODE_TIMEOUT.plusSeconds(3),
                () -> b.get(job).body().contains("data-status=\"failed\""));
        Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(b.get(job).body()).contains("Failed: The server running the job stopped.");
        assertThat(took).as("from the kill to the job failed").isBetween(NODE_TIMEOUT.minusMillis(500), NODE_TIMEOUT.plusSeconds(2));
    }

    /** Uploads a file on A, read slowly enough to be running for seconds; returns its page's path. */
    private String runningJobOnA() {
        HttpResponse<String> created = a.upload("/jobs", "zeros.bin", new byte[2_000_000]);
        assertThat(created.statusCode()).isEqualTo(303);
        String job = created.headers().firstValue("Location").orElseThrow();
        Await.until(job + " runs, as B shows it", () -> b.get(job).body().contains("data-status=\"running\""));
        return job;
    }
}
