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

/** Notifications in the database, through plain JDBC. Thread-safe. */
public final class NotificationRepository {

    private final Database database;

    public NotificationRepository(Database database) {
        this.database = database;
    }

    /** Stores a draft as an unread notification and returns it with its id. */
    public Notification insert(NotificationDraft draft, Instant createdAt) {
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO notifications (title, body, created_at) VALUES (?, ?, ?) RETURNING id")) {
                insert.setString(1, draft.title());
                insert.setString(2, draft.body());
                insert.setString(3, createdAt.toString());
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
                    SELECT id, title, body, created_at, read_at FROM notifications ORDER BY id DESC LIMIT ?""")) {
                select.setInt(1, limit);
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
                    WHERE %s OR %s
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
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM notifications WHERE read_at IS NULL");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Marks every unread notification read at {@code readAt}; returns how many were unread. */
    /** Marks one notification read; the notification as it is now, or empty when there is none. */
    public Optional<Notification> markRead(long id, Instant readAt) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL")) {
                update.setString(1, readAt.toString());
                update.setLong(2, id);
                update.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, title, body, created_at, read_at FROM notifications WHERE id = ?")) {
                select.setLong(1, id);
                return readAll(select).stream().findFirst();
            }
        });
    }

    public int markAllRead(Instant readAt) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE notifications SET read_at = ? WHERE read_at IS NULL")) {
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
