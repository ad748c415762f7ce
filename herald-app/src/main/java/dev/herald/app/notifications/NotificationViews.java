package dev.herald.app.notifications;

import dev.herald.app.Templates;

/** The notification templates ({@code src/main/jte/notifications/}), rendered to strings. */
final class NotificationViews {

    private final Templates templates;

    NotificationViews(Templates templates) {
        this.templates = templates;
    }

    String page(NotificationsPage page) {
        return templates.render("notifications/page.jte", page);
    }

    /** One item: the same markup in the page's history and in a live event. */
    String item(Notification notification) {
        return templates.render("notifications/item.jte", notification);
    }

    /** The unread counter as an out-of-band swap of {@code #unread-count}. */
    String unreadCounterSwap(int unread) {
        return templates.render("notifications/unread-swap.jte", unread);
    }
}
