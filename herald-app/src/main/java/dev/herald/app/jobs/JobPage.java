package dev.herald.app.jobs;

import dev.herald.htmx.Contract;

/**
 * A job's page, read at one stream position.
 *
 * @param position the hub position the job was read at: a live page subscribes from there
 */
public record JobPage(String position, Job job) {

    /** Progress: the bar's new content (and the status badge, out of band). */
    public static final Contract PROGRESS = Contract.replace("progress", "job-progress");
    /**
     * The job ended: its final status, actions and result, out of band. The last event of the
     * job's topic; the page closes its stream on it. It always carries data, so browsers dispatch it.
     */
    public static final Contract DONE = Contract.oob("done");

    /** True if and only if the database says the job may still change: then the page subscribes. */
    public boolean live() {
        return job.status().live();
    }
}
