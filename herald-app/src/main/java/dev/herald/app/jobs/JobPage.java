package dev.herald.app.jobs;

import dev.herald.htmx.SubscribeUrl;
import java.util.List;

/**
 * A job's page, read at one stream position.
 *
 * @param position the hub position the job was read at: a live page subscribes from there
 */
public record JobPage(String position, Job job) {

    /** True if and only if the database says the job may still change: then the page subscribes. */
    public boolean live() {
        return job.status().live();
    }

    /** The live page's {@code sse-connect} URL: the job's topic, resumed after {@link #position}. */
    public String streamUrl() {
        return SubscribeUrl.of(List.of(job.topic()), position);
    }
}
