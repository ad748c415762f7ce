package dev.herald.app.agent.tools;

import java.time.Instant;
import java.util.List;

/**
 * The jobs and their status, for the {@code list_jobs} tool: implemented by the jobs feature.
 * Without one, the agent has no such tool.
 */
public interface JobList {

    /** The newest {@code limit} jobs, newest first. */
    List<Job> newest(int limit);

    /**
     * A job as it stands.
     *
     * @param progress percent done, 0-100
     */
    record Job(long id, String name, String status, int progress, Instant updatedAt) {
    }
}
