package dev.herald.app.agent.tools;

import dev.herald.app.notifications.NotificationRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app's data, as tools. Notifications and the clock are always there; chat messages, jobs
 * and log lines are tools only when their feature supplies a source.
 */
public final class AppTools {

    public static final String SEARCH_NOTIFICATIONS = "search_notifications";
    public static final String SEARCH_CHAT_MESSAGES = "search_chat_messages";
    public static final String LIST_JOBS = "list_jobs";
    public static final String RECENT_LOGS = "recent_logs";
    public static final String CURRENT_TIME = "current_time";

    private AppTools() {
    }

    public static Toolbox create(NotificationRepository notifications, Clock clock, Optional<ChatSearch> chat,
                                 Optional<JobList> jobs, Optional<RecentLogs> logs) {
        List<Tool> tools = new ArrayList<>();
        tools.add(new NotificationSearchTool(notifications));
        chat.ifPresent(c -> tools.add(new ChatSearchTool(c)));
        jobs.ifPresent(j -> tools.add(new JobListTool(j)));
        logs.ifPresent(l -> tools.add(new RecentLogsTool(l)));
        tools.add(new CurrentTimeTool(clock));
        return Toolbox.of(tools);
    }
}
