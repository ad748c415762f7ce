package dev.herald.app.notifications;

import dev.herald.app.web.Layout;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import java.util.List;
import java.util.Map;

/** The notification templates ({@code src/main/jte/notifications/}), rendered to strings. */
final class NotificationViews {

    private final JteRenderer templates;

    NotificationViews(JteRenderer templates) {
        this.templates = templates;
    }

    String page(NotificationsPage page, PageStream stream) {
        return templates.render("notifications/page.jte", Map.of(
                "page", page, "layout", new Layout("Notifications", "notifications", stream, page.unread())));
    }

    /** One item: the same markup in the page's history and in a live event. */
    String item(Notification notification) {
        return templates.render("notifications/item.jte", Map.of("notification", notification, "personal", false));
    }

    /** One item of the visitor's own list: no read state. */
    String personalItem(Notification notification) {
        return templates.render("notifications/item.jte", Map.of("notification", notification, "personal", true));
    }

    /** The list's content: what the page shows, and what a gap re-render swaps in. */
    String items(List<Notification> notifications) {
        return templates.render("notifications/items.jte", Map.of("notifications", notifications, "personal", false));
    }
}
