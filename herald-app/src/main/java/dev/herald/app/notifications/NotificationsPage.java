package dev.herald.app.notifications;

import dev.herald.htmx.SubscribeUrl;
import java.util.List;

/**
 * What the notifications page shows, read at one stream position.
 *
 * @param position      the hub position the history was read at: the page subscribes from there
 * @param notifications the newest notifications, oldest first
 * @param unread        the number of unread notifications
 */
public record NotificationsPage(String position, List<Notification> notifications, int unread) {

    public NotificationsPage {
        notifications = List.copyOf(notifications);
    }

    /** The page's {@code sse-connect} URL: its topic, resumed after {@link #position}. */
    public String streamUrl() {
        return SubscribeUrl.of(List.of(NotificationService.TOPIC), position);
    }
}
