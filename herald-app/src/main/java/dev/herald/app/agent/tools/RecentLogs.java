package dev.herald.app.agent.tools;

import java.time.Instant;
import java.util.List;

/**
 * The server's recent log lines, for the {@code recent_logs} tool: implemented by the log tail
 * feature. Without one, the agent has no such tool.
 */
public interface RecentLogs {

    /** The newest {@code limit} lines at {@code minimumLevel} or above (DEBUG, INFO, WARN or ERROR), oldest first. */
    List<Line> recent(int limit, String minimumLevel);

    /** One log line. */
    record Line(Instant at, String level, String logger, String message) {
    }
}
