package dev.herald.app.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A stored notification.
 *
 * @param id        the row id; the item's DOM id is {@link #domId()}
 * @param readAt    when it was marked read, or {@code null} while unread
 */
public record Notification(long id, String title, String body, Instant createdAt, Instant readAt) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The stable id of this notification's element in a page. */
    public String domId() {
        return "notification-" + id;
    }

    /** The creation time as a person reads it. */
    public String createdAtText() {
        return SHOWN.format(createdAt);
    }
}
