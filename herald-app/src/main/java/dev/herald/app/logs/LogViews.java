package dev.herald.app.logs;

import dev.herald.app.web.Layout;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import java.util.List;
import java.util.Map;

/** The log templates ({@code src/main/jte/logs/}), rendered to strings. */
final class LogViews {

    private final JteRenderer templates;

    LogViews(JteRenderer templates) {
        this.templates = templates;
    }

    String page(LogsPage page, PageStream stream, int unread) {
        return templates.render("logs/page.jte", Map.of("page", page, "layout", new Layout("Log", "logs", stream, unread)));
    }

    /** A batch of lines: the same markup per line as in the page. */
    String lines(List<LogLine> lines) {
        return templates.render("logs/lines.jte", lines);
    }
}
