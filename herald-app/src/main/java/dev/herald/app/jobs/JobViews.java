package dev.herald.app.jobs;

import dev.herald.app.web.Layout;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.htmx.Swap;
import java.util.List;
import java.util.Map;

/** The job templates ({@code src/main/jte/jobs/}), rendered to strings and fragments. */
final class JobViews {

    private final JteRenderer templates;

    JobViews(JteRenderer templates) {
        this.templates = templates;
    }

    String listPage(JobsPage page, PageStream stream, int unread) {
        return templates.render("jobs/list.jte", Map.of("page", page, "layout", new Layout("Jobs", "jobs", stream, unread)));
    }

    String jobPage(JobPage page, PageStream stream, int unread) {
        return templates.render("jobs/job.jte", Map.of(
                "page", page, "layout", new Layout("Job #" + page.job().id(), "jobs", stream, unread)));
    }

    /** A row of the list: the same markup in the page and in a live event. */
    String row(Job job) {
        return templates.render("jobs/row.jte", job);
    }

    /** The list's content: what the page shows, and what a gap re-render swaps in. */
    String rows(List<Job> jobs) {
        return templates.render("jobs/rows.jte", jobs);
    }

    /** A job's row, replacing itself out of band. */
    Fragment rowSwap(Job job) {
        return Fragment.of(row(job), "job-row-" + job.id(), Swap.OUTER_HTML);
    }

    /** The content of the progress bar's element ({@code #job-progress}). */
    String progress(Job job) {
        return templates.render("jobs/progress.jte", job);
    }

    /** The status badge of the job's page, replacing itself out of band. */
    Fragment status(Job job) {
        return Fragment.of(templates.render("jobs/status.jte", Map.of("job", job, "id", "job-status")), "job-status", Swap.OUTER_HTML);
    }

    /** What changes when a job ends: the badge, the actions, the result; the connection indicator goes. */
    List<Fragment> ending(Job job) {
        return List.of(status(job),
                Fragment.of(templates.render("jobs/actions.jte", job), "job-actions", Swap.OUTER_HTML),
                Fragment.of(templates.render("jobs/result.jte", job), "job-result", Swap.OUTER_HTML),
                Fragment.of("", "job-connection", Swap.INNER_HTML));
    }
}
