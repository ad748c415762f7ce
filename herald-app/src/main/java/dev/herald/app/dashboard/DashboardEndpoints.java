package dev.herald.app.dashboard;

import dev.herald.app.notifications.NotificationService;
import dev.herald.app.notifications.Unread;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.jetty.HeraldServer;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The live dashboard at {@code /dashboard} and the same meters as Prometheus text at {@code /metrics}. */
public final class DashboardEndpoints implements AutoCloseable {

    /** Prometheus' text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HeraldMeters meters;
    private final Dashboard dashboard;
    private final Hub hub;
    private final Htmx htmx;
    private final NotificationService notifications;

    private DashboardEndpoints(HeraldMeters meters, Dashboard dashboard, Hub hub, Htmx htmx, NotificationService notifications) {
        this.meters = meters;
        this.dashboard = dashboard;
        this.hub = hub;
        this.htmx = htmx;
        this.notifications = notifications;
    }

    /**
     * The meters of {@code hub} and of the server whose counters {@code server} reads (it may be
     * built after this, as long as it is before {@link #start}).
     */
    public static DashboardEndpoints create(Hub hub, Htmx htmx, Supplier<HeraldServer.Stats> server, JteRenderer templates,
                                            Clock clock, NotificationService notifications) {
        HeraldMeters meters = new HeraldMeters(hub, server);
        return new DashboardEndpoints(meters, new Dashboard(new Sampler(meters.registry(), hub, clock), hub, htmx, templates),
                hub, htmx, notifications);
    }

    /** Starts sampling every second. */
    public void start() {
        dashboard.start();
    }

    public Router.Builder routes(Router.Builder router) {
        return router
                .get("/dashboard", this::page)
                .get("/metrics", this::metrics);
    }

    private void page(Request request, Response response, Callback callback) {
        // Every tick replaces every panel: the page needs no history, the position only orders the unread count.
        String position = hub.position();
        int unread = notifications.unreadCount();
        PageStream stream = htmx.page(Dialects.of(request, htmx), position, List.of(Dashboard.TOPIC, Unread.TOPIC),
                List.of(DashboardView.TICK, Unread.CONTRACT));
        Responses.html(response, callback, HttpStatus.OK_200, dashboard.renderPage(stream, unread));
    }

    private void metrics(Request request, Response response, Callback callback) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROMETHEUS_TEXT);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, meters.scrape(), callback);
    }

    @Override
    public void close() {
        dashboard.close();
        meters.close();
    }
}
