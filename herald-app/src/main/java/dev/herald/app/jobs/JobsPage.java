package dev.herald.app.jobs;

import dev.herald.app.web.ByteSize;
import dev.herald.htmx.SubscribeUrl;
import java.util.List;

/**
 * The jobs list, read at one stream position.
 *
 * @param jobs           the newest jobs, newest first
 * @param uploadMaxBytes the largest file the upload form accepts
 */
public record JobsPage(String position, List<Job> jobs, long uploadMaxBytes) {

    public JobsPage {
        jobs = List.copyOf(jobs);
    }

    public String streamUrl() {
        return SubscribeUrl.of(List.of(JobService.LIST_TOPIC), position);
    }

    /** The upload limit as a person reads it. */
    public String uploadMaxText() {
        return ByteSize.text(uploadMaxBytes);
    }
}
