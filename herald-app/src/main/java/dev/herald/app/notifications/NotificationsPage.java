package dev.herald.app.notifications;

import dev.herald.htmx.Contract;
import java.util.List;

/**
 * What the notifications page shows, read at one stream position.
 *
 * @param position      the hub position the history was read at: the page subscribes from there
 * @param notifications the newest notifications for everyone, newest first
 * @param unread        the number of unread notifications for everyone
 * @param mine          the newest notifications for the page's visitor only, newest first
 */
public record NotificationsPage(String position, List<Notification> notifications, int unread, List<Notification> mine) {

    /** A new notification: an item put first in the list, {@code #notifications} (newest first). */
    public static final Contract ITEMS = Contract.prepend("notification", "notifications");
    /** A new notification for this visitor only: first in {@code #my-notifications}; a private update. */
    public static final Contract MINE = Contract.prepend("my-notification", "my-notifications");
    /** Read: the item marked read, or the whole list after "mark all read" (out of band). */
    public static final Contract READ = Contract.oob("read");

    public NotificationsPage {
        notifications = List.copyOf(notifications);
        mine = List.copyOf(mine);
    }
}
