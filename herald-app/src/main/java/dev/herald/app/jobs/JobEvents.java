package dev.herald.app.jobs;

import dev.herald.htmx.Htmx;
import java.util.List;

/**
 * What a job's changes publish: to the job's topic for its page, to {@link JobService#LIST_TOPIC}
 * for the list. Called under the service's write lock, right after the change is written.
 */
final class JobEvents {

    private final Htmx htmx;
    private final JobViews views;

    JobEvents(Htmx htmx, JobViews views) {
        this.htmx = htmx;
        this.views = views;
    }

    void added(Job job) {
        htmx.publish(JobService.LIST_TOPIC, JobsPage.ADDED.event(views.row(job)));
    }

    /** The bar and the badge on the job's page, the row in the list. */
    void progressed(Job job) {
        htmx.publish(job.topic(), JobPage.PROGRESS.event(views.progress(job), views.status(job)));
        htmx.publish(JobService.LIST_TOPIC, JobsPage.ROWS.event(List.of(views.rowSwap(job))));
    }

    /** The final progress, then {@code done} with the final state: the last event of the job's topic. */
    void ended(Job job) {
        progressed(job);
        htmx.publish(job.topic(), JobPage.DONE.event(views.ending(job)));
    }
}
