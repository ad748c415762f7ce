package dev.herald.app.logs;

import dev.herald.app.agent.tools.RecentLogs;
import java.util.List;

/** The agent's {@code recent_logs} tool reads the lines the tail keeps. Thread-safe. */
final class RecentLogLines implements RecentLogs {

    private final LogTail tail;

    RecentLogLines(LogTail tail) {
        this.tail = tail;
    }

    @Override
    public List<Line> recent(int limit, String minimumLevel) {
        List<LogLine> kept = tail.page(LogLevel.parse(minimumLevel)).lines();
        return kept.subList(Math.max(0, kept.size() - limit), kept.size()).stream()
                .map(line -> new Line(line.time(), line.level().name(), line.logger(), line.text()))
                .toList();
    }
}
