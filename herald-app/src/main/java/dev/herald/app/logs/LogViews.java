package dev.herald.app.logs;

import dev.herald.app.Templates;
import java.util.List;

/** The log templates ({@code src/main/jte/logs/}), rendered to strings. */
final class LogViews {

    private final Templates templates;

    LogViews(Templates templates) {
        this.templates = templates;
    }

    String page(LogsPage page) {
        return templates.render("logs/page.jte", page);
    }

    /** A batch of lines: the same markup per line as in the page. */
    String lines(List<LogLine> lines) {
        return templates.render("logs/lines.jte", lines);
    }
}
