package dev.herald.app.logs;

import dev.herald.app.agent.tools.RecentLogs;
import dev.herald.app.notifications.NotificationService;
import dev.herald.app.notifications.Unread;
import dev.herald.app.web.BadRequestException;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.Forms;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The live log tail at {@code /logs?level=INFO}; closing it detaches it from the logger. */
public final class LogsEndpoints implements AutoCloseable {

    private final LogTail tail;
    private final LogViews views;
    private final Htmx htmx;
    private final NotificationService notifications;

    private LogsEndpoints(LogTail tail, LogViews views, Htmx htmx, NotificationService notifications) {
        this.tail = tail;
        this.views = views;
        this.htmx = htmx;
        this.notifications = notifications;
    }

    /** Attaches the tail to the root logger now, publishing to {@code hub}. */
    public static LogsEndpoints start(Hub hub, Htmx htmx, JteRenderer templates, NotificationService notifications) {
        LogViews views = new LogViews(templates);
        LogTail tail = new LogTail(hub, htmx, views);
        tail.start();
        return new LogsEndpoints(tail, views, htmx, notifications);
    }

    /** The gap re-render of the level topics. */
    public SnapshotSource snapshots() {
        return tail;
    }

    /** The newest kept lines, for the agent's {@code recent_logs} tool. */
    public RecentLogs recentLogs() {
        return new RecentLogLines(tail);
    }

    public Router.Builder routes(Router.Builder router) {
        return router.get("/logs", this::page);
    }

    private void page(Request request, Response response, Callback callback) {
        LogLevel level;
        try {
            level = LogLevel.parse(Forms.query(request).getValue("level"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        LogsPage page = tail.page(level);
        int unread = notifications.unreadCount(); // after the position: see Unread
        PageStream stream = htmx.page(Dialects.of(request, htmx), page.position(), List.of(level.topic(), Unread.TOPIC),
                List.of(LogsPage.LINES, Unread.CONTRACT));
        Responses.html(response, callback, HttpStatus.OK_200, views.page(page, stream, unread));
    }

    @Override
    public void close() {
        tail.close();
    }
}
