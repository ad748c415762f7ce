package dev.herald.app.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One logging event as the tail shows it.
 *
 * @param level  the event's level
 * @param logger the logger's name, abbreviated ({@code d.h.a.j.JobService})
 * @param text   the message, then the stack trace if any, with its line breaks
 */
public record LogLine(Instant time, LogLevel level, String logger, String thread, String text) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public String timeText() {
        return SHOWN.format(time);
    }
}
