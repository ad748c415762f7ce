package dev.herald.app.jobs;

import dev.herald.app.web.ByteSize;
import dev.herald.htmx.Contract;
import java.util.List;

/**
 * The jobs list, read at one stream position.
 *
 * @param jobs           the newest jobs, newest first
 * @param uploadMaxBytes the largest file the upload form accepts
 */
public record JobsPage(String position, List<Job> jobs, long uploadMaxBytes) {

    /** A new job: its row, first in the list. */
    public static final Contract ADDED = Contract.prepend("job-added", "job-rows");
    /** A job changed: its row, out of band. */
    public static final Contract ROWS = Contract.oob("job-row");

    public JobsPage {
        jobs = List.copyOf(jobs);
    }

    /** The upload limit as a person reads it. */
    public String uploadMaxText() {
        return ByteSize.text(uploadMaxBytes);
    }
}
