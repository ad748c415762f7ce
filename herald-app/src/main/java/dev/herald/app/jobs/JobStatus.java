package dev.herald.app.jobs;

import java.util.Locale;

/** Where a job is in its life; stored as {@link #stored()}. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /**
     * True if and only if the job may still change: its page is live (subscribes to its topic)
     * while the database says so, and static after (the guide's "live vs static" rule).
     */
    public boolean live() {
        return this == QUEUED || this == RUNNING;
    }

    /** The lower-case name the database and the page's CSS classes use. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobStatus fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
