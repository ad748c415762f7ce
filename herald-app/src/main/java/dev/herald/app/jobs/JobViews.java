package dev.herald.app.jobs;

import dev.herald.app.Templates;
import java.util.Map;

/** The job templates ({@code src/main/jte/jobs/}), rendered to strings. */
final class JobViews {

    private final Templates templates;

    JobViews(Templates templates) {
        this.templates = templates;
    }

    String listPage(JobsPage page) {
        return templates.render("jobs/list.jte", page);
    }

    String jobPage(JobPage page) {
        return templates.render("jobs/job.jte", page);
    }

    /** A row of the list: the same markup in the page and in a live event. */
    String row(Job job) {
        return templates.render("jobs/row.jte", Map.of("job", job, "oob", false));
    }

    /** A row of the list, swapped out of band over the row it replaces. */
    String rowSwap(Job job) {
        return templates.render("jobs/row.jte", Map.of("job", job, "oob", true));
    }

    /** The content of the progress bar's element ({@code #job-progress}). */
    String progress(Job job) {
        return templates.render("jobs/progress.jte", job);
    }

    /** Out-of-band swaps of the status, the actions and the result. */
    String statusSwap(Job job) {
        return templates.render("jobs/status-swap.jte", job);
    }
}
