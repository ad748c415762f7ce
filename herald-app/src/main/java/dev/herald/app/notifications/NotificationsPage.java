package dev.herald.app.notifications;

import dev.herald.htmx.Contract;
import java.util.List;

/**
 * What the notifications page shows, read at one stream position.
 *
 * @param position      the hub position the history was read at: the page subscribes from there
 * @param notifications the newest notifications, oldest first
 * @param unread        the number of unread notifications
 */
public record NotificationsPage(String position, List<Notification> notifications, int unread) {

    /** A new notification: an item appended to the list, {@code #notifications}. */
    public static final Contract ITEMS = Contract.append("notification", "notifications");

    public NotificationsPage {
        notifications = List.copyOf(notifications);
    }
}
