package dev.herald.app.jobs;

/**
 * Decides which progress reports are worth publishing: a new stage always, a new percentage at
 * most once per {@link #MIN_INTERVAL_NANOS}. A chunk takes well under that on a fast disk, and
 * every report costs a database write and an event to every open page. Not thread-safe.
 */
final class ProgressThrottle {

    static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private String stage;
    private int percent = -1;
    private long lastNanos;

    /** True if and only if this report should be published; then it becomes the last one. */
    boolean due(String stage, int percent, long nanoTime) {
        boolean newStage = !stage.equals(this.stage);
        boolean newPercent = percent != this.percent && nanoTime - lastNanos >= MIN_INTERVAL_NANOS;
        if (!newStage && !newPercent) {
            return false;
        }
        this.stage = stage;
        this.percent = percent;
        this.lastNanos = nanoTime;
        return true;
    }
}
