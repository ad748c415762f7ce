package dev.herald.app.notifications;

import dev.herald.app.db.Database;
import dev.herald.app.db.Like;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notifications in the database, through plain JDBC. Thread-safe. A notification is for everyone
 * or for one visitor (its public id in {@code visitor}): every method but those named "for" a
 * visitor sees only those for everyone — a visitor's own never reach another page, a search or a
 * count.
 */
public final class NotificationRepository {

    private final Database database;

    public NotificationRepository(Database database) {
        this.database = database;
    }

    /** Stores a draft as an unread notification for everyone and returns it with its id. */
    public Notification insert(NotificationDraft draft, Instant createdAt) {
        return insert(draft, createdAt, null);
    }

    /**
     * Stores a draft as a notification for one visitor only and returns it with its id.
     *
     * @param visitor the visitor's public id, or {@code null} for everyone
     */
    public Notification insert(NotificationDraft draft, Instant createdAt, String visitor) {
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO notifications (title, body, created_at, visitor) VALUES (?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, draft.title());
                insert.setString(2, draft.body());
                insert.setString(3, createdAt.toString());
                insert.setString(4, visitor);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return new Notification(rs.getLong(1), draft.title(), draft.body(), createdAt, null);
                }
            }
        });
    }

    /**
     * The newest {@code limit} notifications, newest first (the order a page shows them in).
     *
     * @param limit how many at most: a page never renders an unbounded history
     */
    public List<Notification> newest(int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, title, body, created_at, read_at FROM notifications WHERE visitor IS NULL
                    ORDER BY id DESC LIMIT ?""")) {
                select.setInt(1, limit);
                return readAll(select);
            }
        });
    }

    /** The newest {@code limit} notifications for the visitor {@code visitor} (a public id) only, newest first. */
    public List<Notification> newestFor(String visitor, int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, title, body, created_at, read_at FROM notifications WHERE visitor = ?
                    ORDER BY id DESC LIMIT ?""")) {
                select.setString(1, visitor);
                select.setInt(2, limit);
                return readAll(select);
            }
        });
    }

    /**
     * The newest {@code limit} notifications whose title or body contains {@code text} (ignoring
     * ASCII case), newest first; every notification when {@code text} is empty.
     */
    public List<Notification> search(String text, int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, title, body, created_at, read_at FROM notifications
                    WHERE visitor IS NULL AND (%s OR %s)
                    ORDER BY id DESC LIMIT ?""".formatted(Like.CONTAINS.formatted("title"), Like.CONTAINS.formatted("body")))) {
                String pattern = Like.pattern(text);
                select.setString(1, pattern);
                select.setString(2, pattern);
                select.setInt(3, limit);
                return readAll(select);
            }
        });
    }

    /** Number of notifications not yet read. */
    public int countUnread() {
        return database.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL AND visitor IS NULL");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Marks one notification for everyone read; the notification as it is now, or empty when there is none. */
    public Optional<Notification> markRead(long id, Instant readAt) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL AND visitor IS NULL")) {
                update.setString(1, readAt.toString());
                update.setLong(2, id);
                update.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, title, body, created_at, read_at FROM notifications WHERE id = ? AND visitor IS NULL")) {
                select.setLong(1, id);
                return readAll(select).stream().findFirst();
            }
        });
    }

    /** Marks every unread notification for everyone read at {@code readAt}; returns how many were unread. */
    public int markAllRead(Instant readAt) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND visitor IS NULL")) {
                update.setString(1, readAt.toString());
                return update.executeUpdate();
            }
        });
    }

    private static List<Notification> readAll(PreparedStatement select) throws SQLException {
        List<Notification> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String readAt = rs.getString("read_at");
                rows.add(new Notification(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("body"),
                        Instant.parse(rs.getString("created_at")),
                        readAt == null ? null : Instant.parse(readAt)));
            }
        }
        return rows;
    }
}
