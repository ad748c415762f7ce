package dev.herald.app.logs;

import java.util.Locale;

/** The levels a tail filters by, lowest first; a filter shows its level and those above. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /** The topic carrying the lines at this level and above: one topic per filter, filtered by the server. */
    public String topic() {
        return "logs/" + name();
    }

    /** True if and only if a line at this level passes the filter {@code threshold}. */
    public boolean atLeast(LogLevel threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Logback's levels: TRACE counts as DEBUG. */
    static LogLevel of(ch.qos.logback.classic.Level level) {
        return switch (level.toInt()) {
            case ch.qos.logback.classic.Level.ERROR_INT -> ERROR;
            case ch.qos.logback.classic.Level.WARN_INT -> WARN;
            case ch.qos.logback.classic.Level.INFO_INT -> INFO;
            default -> DEBUG;
        };
    }

    /**
     * The filter a page asked for; {@code null} means {@link #INFO}.
     *
     * @throws IllegalArgumentException naming the accepted levels
     */
    public static LogLevel parse(String value) {
        if (value == null || value.isEmpty()) {
            return INFO;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown level \"" + value + "\": use DEBUG, INFO, WARN or ERROR.", e);
        }
    }
}
