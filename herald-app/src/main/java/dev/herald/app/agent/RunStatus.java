package dev.herald.app.agent;

import java.util.Locale;

/** Where a run is; only {@link #RUNNING} runs have a live page. */
public enum RunStatus {
    RUNNING, DONE, CANCELLED, FAILED;

    /** As stored and as the page's CSS classes spell it: {@code running}, {@code done}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** How the page says it. */
    public String label() {
        return switch (this) {
            case RUNNING -> "Running";
            case DONE -> "Done";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
        };
    }
}
