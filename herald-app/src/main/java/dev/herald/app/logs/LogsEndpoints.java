package dev.herald.app.logs;

import dev.herald.app.Templates;
import dev.herald.app.web.BadRequestException;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.hub.Hub;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The live log tail at {@code /logs?level=INFO}; closing it detaches it from the logger. */
public final class LogsEndpoints implements AutoCloseable {

    private final LogTail tail;
    private final LogViews views;

    private LogsEndpoints(LogTail tail, LogViews views) {
        this.tail = tail;
        this.views = views;
    }

    /** Attaches the tail to the root logger now, publishing to {@code hub}. */
    public static LogsEndpoints start(Hub hub, Templates templates) {
        LogViews views = new LogViews(templates);
        LogTail tail = new LogTail(hub, views);
        tail.start();
        return new LogsEndpoints(tail, views);
    }

    public Router.Builder routes(Router.Builder router) {
        return router.get("/logs", this::page);
    }

    private void page(Request request, Response response, Callback callback) {
        LogLevel level;
        try {
            level = LogLevel.parse(Request.extractQueryParameters(request).getValue("level"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        Responses.html(response, callback, HttpStatus.OK_200, views.page(tail.page(level)));
    }

    @Override
    public void close() {
        tail.close();
    }
}
