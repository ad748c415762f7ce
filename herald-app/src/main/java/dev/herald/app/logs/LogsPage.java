package dev.herald.app.logs;

import dev.herald.htmx.Contract;
import java.util.List;

/**
 * The log tail for one level filter, read at one stream position.
 *
 * @param lines    the kept lines that pass the filter, oldest first
 * @param maxLines the most lines the page keeps; older ones are removed as new ones arrive
 */
public record LogsPage(String position, LogLevel level, List<LogLine> lines, int maxLines) {

    /** A batch of lines, appended to the list. */
    public static final Contract LINES = Contract.append("lines", "log-lines");

    public LogsPage {
        lines = List.copyOf(lines);
    }

    public List<LogLevel> levels() {
        return List.of(LogLevel.values());
    }
}
