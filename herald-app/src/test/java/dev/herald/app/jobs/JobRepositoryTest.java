package dev.herald.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.db.Database;
import dev.herald.app.db.OnEachEngine;
import dev.herald.app.node.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@OnEachEngine
class JobRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");


    private JobRepository jobs;

    @BeforeEach
    void open(Database database) {
        jobs = new JobRepository(database);
    }

    @Test
    void aJobGoesFromQueuedThroughRunningToDoneWithItsResult() {
        Job job = jobs.insert("node-a", "report.csv", 1234, T0);

        jobs.started(job.id(), "Computing SHA-256", T0.plusSeconds(1));
        jobs.progressed(job.id(), "Counting lines and words", 40);
        assertThat(jobs.find(job.id()).orElseThrow())
                .extracting(Job::status, Job::stage, Job::percent)
                .containsExactly(JobStatus.RUNNING, "Counting lines and words", 40);

        JobResult result = new JobResult("ab".repeat(32), 10, 42, 300);
        jobs.done(job.id(), result, T0.plusSeconds(3));

        Job done = jobs.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.result()).isEqualTo(result);
        assertThat(done.durationText()).isEqualTo("2.0 s");
    }

    @Test
    void failingANodesLiveJobsLeavesItsEndedOnesAndOtherNodesJobsAlone() {
        long queued = jobs.insert("node-a", "a", 1, T0).id();
        long running = jobs.insert("node-a", "b", 1, T0).id();
        jobs.started(running, "Computing SHA-256", T0);
        long cancelled = jobs.insert("node-a", "c", 1, T0).id();
        jobs.ended(cancelled, JobStatus.CANCELLED, null, T0);
        long elsewhere = jobs.insert("node-b", "d", 1, T0).id();

        assertThat(jobs.failLive("node-a", "interrupted by a shutdown", T0)).containsExactlyInAnyOrder(queued, running);

        assertThat(jobs.find(queued).orElseThrow().error()).isEqualTo("interrupted by a shutdown");
        assertThat(jobs.find(running).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.find(cancelled).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.find(elsewhere).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.newest(10)).extracting(Job::id).containsExactly(elsewhere, cancelled, running, queued);
    }

    @Test
    void theLiveJobsOfNodesThatAreGoneAreOrphansFailedOnce(Database database) {
        Node here = Node.join(database, Clock.systemUTC(), Duration.ofSeconds(10));
        long mine = jobs.insert(here.id(), "mine", 1, T0).id();
        long left = jobs.insert("gone-node", "left", 1, T0).id();
        assertThat(jobs.hasOrphans()).isTrue();

        assertThat(jobs.failOrphaned("its node stopped", T0)).containsExactly(left);

        assertThat(jobs.hasOrphans()).isFalse();
        assertThat(jobs.failOrphaned("its node stopped", T0)).isEmpty();
        assertThat(jobs.find(left).orElseThrow().error()).isEqualTo("its node stopped");
        assertThat(jobs.find(mine).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void aCancelIsAskedOfTheNodeRunningTheJobOnlyFromAnotherNode() {
        long job = jobs.insert("node-a", "a", 1, T0).id();

        assertThat(jobs.requestCancel(job, "node-a")).as("asked on its own node").isFalse();
        assertThat(jobs.cancelsAsked("node-a")).isEmpty();
        assertThat(jobs.requestCancel(job, "node-b")).isTrue();
        assertThat(jobs.cancelsAsked("node-a")).containsExactly(job);
        assertThat(jobs.cancelsAsked("node-b")).isEmpty();

        jobs.ended(job, JobStatus.CANCELLED, null, T0);
        assertThat(jobs.cancelsAsked("node-a")).as("once it ended").isEmpty();
        assertThat(jobs.requestCancel(job, "node-b")).as("an ended job").isFalse();
    }
}
