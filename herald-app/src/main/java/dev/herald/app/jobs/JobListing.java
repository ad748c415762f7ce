package dev.herald.app.jobs;

import dev.herald.app.agent.tools.JobList;
import dev.herald.app.db.Database;
import java.time.Instant;
import java.util.List;

/** The jobs for the agent's {@code list_jobs} tool, from the database. Thread-safe. */
public final class JobListing implements JobList {

    private final JobRepository jobs;

    public JobListing(Database database) {
        this.jobs = new JobRepository(database);
    }

    @Override
    public List<Job> newest(int limit) {
        return jobs.newest(limit).stream().map(JobListing::entry).toList();
    }

    private static Job entry(dev.herald.app.jobs.Job job) {
        Instant updated = job.finishedAt() != null ? job.finishedAt() : job.startedAt() != null ? job.startedAt() : job.createdAt();
        String status = job.status().stored() + (job.error() != null ? ": " + job.error() : job.stage() != null ? " (" + job.stage() + ")" : "");
        return new Job(job.id(), job.fileName(), status, job.percent(), updated);
    }
}
