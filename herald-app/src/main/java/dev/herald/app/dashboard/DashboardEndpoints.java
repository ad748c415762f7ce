package dev.herald.app.dashboard;

import dev.herald.app.Templates;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.hub.Hub;
import dev.herald.jetty.HeraldServer;
import java.time.Clock;
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

    private DashboardEndpoints(HeraldMeters meters, Dashboard dashboard) {
        this.meters = meters;
        this.dashboard = dashboard;
    }

    /**
     * The meters of {@code hub} and of the server whose counters {@code server} reads (it may be
     * built after this, as long as it is before {@link #start}).
     */
    public static DashboardEndpoints create(Hub hub, Supplier<HeraldServer.Stats> server, Templates templates, Clock clock) {
        HeraldMeters meters = new HeraldMeters(hub, server);
        return new DashboardEndpoints(meters, new Dashboard(new Sampler(meters.registry(), hub, clock), hub, templates));
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
        Responses.html(response, callback, HttpStatus.OK_200, dashboard.renderPage());
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
