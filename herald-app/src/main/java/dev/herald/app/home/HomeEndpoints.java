package dev.herald.app.home;

import dev.herald.app.notifications.NotificationService;
import dev.herald.app.notifications.Unread;
import dev.herald.app.web.AppAssets;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.Layout;
import dev.herald.app.web.NotFoundPage;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The home page at {@code /}: what each feature shows, with a link to it; the unread count is live. */
public final class HomeEndpoints {

    private final Hub hub;
    private final Htmx htmx;
    private final JteRenderer templates;
    private final NotificationService notifications;

    public HomeEndpoints(Hub hub, Htmx htmx, JteRenderer templates, NotificationService notifications) {
        this.hub = hub;
        this.htmx = htmx;
        this.templates = templates;
        this.notifications = notifications;
    }

    /** Adds this feature's routes. */
    public Router.Builder routes(Router.Builder router) {
        return router.get("/", this::page)
                // Browsers ask for it where no page names an icon (the raw /metrics text).
                .get("/favicon.ico", (request, response, callback) -> Responses.seeOther(response, callback, AppAssets.FAVICON));
    }

    /** The 404 page: the layout (the navigation is the way on), the reason, a link home. */
    public NotFoundPage notFoundPage() {
        return (request, reason) -> {
            String position = hub.position();
            int unread = notifications.unreadCount();
            PageStream stream = htmx.page(Dialects.of(request, htmx), position, List.of(Unread.TOPIC), List.of(Unread.CONTRACT));
            Map<String, Object> parameters = Map.of("layout", new Layout("Not found", "", stream, unread), "reason", reason);
            return templates.render("home/not-found.jte", parameters);
        };
    }

    private void page(Request request, Response response, Callback callback) {
        // The position first, then the count: see Unread on why this order suffices.
        String position = hub.position();
        int unread = notifications.unreadCount();
        PageStream stream = htmx.page(Dialects.of(request, htmx), position, List.of(Unread.TOPIC), List.of(Unread.CONTRACT));
        Responses.html(response, callback, HttpStatus.OK_200,
                templates.render("home/page.jte", new Layout("Home", "home", stream, unread)));
    }
}
