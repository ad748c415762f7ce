package dev.herald.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.db.Database;
import dev.herald.app.db.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.Engine.class)
class JobRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Parameter
    TestDatabase.Engine engine;
    @TempDir
    Path dataDir;
    private TestDatabase testDatabase;
    private Database database;

    private JobRepository repository() {
        testDatabase = TestDatabase.create(engine, dataDir);
        database = testDatabase.open();
        return new JobRepository(database);
    }

    @AfterEach
    void close() {
        try {
            database.close();
        } finally {
            testDatabase.close();
        }
    }

    @Test
    void aJobGoesFromQueuedThroughRunningToDoneWithItsResult() {
        JobRepository jobs = repository();
        Job job = jobs.insert("report.csv", 1234, T0);

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
    void failingTheLiveJobsLeavesTheEndedOnesAlone() {
        JobRepository jobs = repository();
        long queued = jobs.insert("a", 1, T0).id();
        long running = jobs.insert("b", 1, T0).id();
        jobs.started(running, "Computing SHA-256", T0);
        long cancelled = jobs.insert("c", 1, T0).id();
        jobs.ended(cancelled, JobStatus.CANCELLED, null, T0);

        assertThat(jobs.failLive("interrupted by a restart", T0)).containsExactlyInAnyOrder(queued, running);

        assertThat(jobs.find(queued).orElseThrow().error()).isEqualTo("interrupted by a restart");
        assertThat(jobs.find(running).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.find(cancelled).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.newest(10)).extracting(Job::id).containsExactly(cancelled, running, queued);
    }
}
