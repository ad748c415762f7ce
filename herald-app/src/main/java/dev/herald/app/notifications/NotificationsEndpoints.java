package dev.herald.app.notifications;

import dev.herald.app.db.Database;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.Forms;
import dev.herald.app.web.NotFoundException;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.app.web.Visitor;
import dev.herald.app.web.VisitorCookies;
import dev.herald.htmx.Contract;
import dev.herald.htmx.Dialect;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.hub.Hub;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The notifications feature over HTTP: the page at {@code GET /notifications},
 * {@code POST /notifications} and {@code POST /notifications/read}. Changes answer with no content
 * of their own: every page, the poster's included, learns of them through the stream.
 */
public final class NotificationsEndpoints {

    private static final List<Contract> CONTRACTS = List.of(NotificationsPage.ITEMS, NotificationsPage.READ, Unread.CONTRACT,
            NotificationsPage.MINE);

    private final NotificationService service;
    private final NotificationViews views;
    private final Htmx htmx;
    private final VisitorCookies visitors;

    private NotificationsEndpoints(NotificationService service, NotificationViews views, Htmx htmx, VisitorCookies visitors) {
        this.service = service;
        this.views = views;
        this.htmx = htmx;
        this.visitors = visitors;
    }

    /**
     * The feature, storing in {@code database} and publishing to {@code hub}; {@code visitors} tells
     * the page's visitor apart, for the notifications that are for it only.
     */
    public static NotificationsEndpoints create(Database database, Hub hub, Htmx htmx, JteRenderer templates, Clock clock,
                                                VisitorCookies visitors) {
        NotificationViews views = new NotificationViews(templates);
        return new NotificationsEndpoints(
                new NotificationService(database.section(NotificationService.SECTION), new NotificationRepository(database), views,
                        hub, htmx, clock), views, htmx, visitors);
    }

    /** The service: its unread count for other pages' navigation, its snapshots for the server. */
    public NotificationService service() {
        return service;
    }

    /** Adds this feature's routes. */
    public Router.Builder routes(Router.Builder router) {
        return router
                .get("/notifications", this::page)
                .post("/notifications", this::post)
                .post("/notifications/read", this::markAllRead)
                .post("/notifications/{id}/read", this::markRead);
    }

    /** The page, with the visitor's own list: it sets the cookies that let its stream read that list's updates. */
    private void page(Request request, Response response, Callback callback) {
        Dialect dialect = Dialects.of(request, htmx); // first: a refused request sets no cookie
        Visitor visitor = visitors.identify(request, response);
        NotificationsPage page = service.page(visitor);
        List<String> topics = new ArrayList<>(NotificationService.TOPICS);
        topics.add(NotificationService.topic(visitor));
        var stream = htmx.page(dialect, page.position(), topics, CONTRACTS);
        Responses.html(response, callback, HttpStatus.OK_200, views.page(page, stream));
    }

    /**
     * 201 with an empty body when stored (htmx swaps it into the form's error area, clearing it);
     * 400 with the reason otherwise. With {@code only_me}, for the posting visitor only.
     */
    private void post(Request request, Response response, Callback callback) {
        Fields form = Forms.read(request);
        switch (NotificationDraft.check(form.getValue("title"), form.getValue("body"))) {
            case NotificationDraft.Check.Valid valid -> {
                if (form.get("only_me") != null) {
                    service.postFor(visitors.identify(request, response), valid.draft());
                } else {
                    service.post(valid.draft());
                }
                Responses.html(response, callback, HttpStatus.CREATED_201, "");
            }
            case NotificationDraft.Check.Invalid invalid ->
                    Responses.text(response, callback, HttpStatus.BAD_REQUEST_400, invalid.reason());
        }
    }

    /** 204 when marked (or already read), 404 when there is no such notification. */
    private void markRead(Request request, Response response, Callback callback) {
        long id;
        try {
            id = Long.parseLong(Router.parameter(request));
        } catch (NumberFormatException e) {
            throw new NotFoundException("No notification (the id must be a number: /notifications/1/read).");
        }
        if (!service.markRead(id)) {
            throw new NotFoundException("No notification " + id);
        }
        Responses.empty(response, callback, HttpStatus.NO_CONTENT_204);
    }

    private void markAllRead(Request request, Response response, Callback callback) {
        service.markAllRead();
        Responses.empty(response, callback, HttpStatus.NO_CONTENT_204);
    }
}
