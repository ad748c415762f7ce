package dev.herald.app.chat;

import dev.herald.app.db.Database;
import dev.herald.app.node.Node;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Who has which room open, on every node: a row per open page (by its id: its stream's page topic,
 * or the stream's own id), held by a node. A user is listed while a page of theirs is open, and for
 * a grace period after their last one left (a reloading tab is a new page opened around the old
 * one's end: the user must not leave and join again). A page leaves when its leave beacon arrives
 * or its stream ends, whichever comes first; the other is then a no-op. The chat service calls it
 * in its section, so each change and its presence event are one.
 */
final class PresenceRepository {

    private final Database database;

    PresenceRepository(Database database) {
        this.database = database;
    }

    /** A page of {@code user} opened the room, its stream served by {@code node}; true if and only if the list changed. */
    boolean open(long room, String user, String page, String node) {
        return database.transaction(c -> {
            boolean listed = listed(c, room, user);
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO chat_presence (room_id, user_name, page, node) VALUES (?, ?, ?, ?)
                    ON CONFLICT (room_id, user_name, page) DO UPDATE SET node = excluded.node, closed_at = NULL""")) {
                upsert.setLong(1, room);
                upsert.setString(2, user);
                upsert.setString(3, page);
                upsert.setString(4, node);
                upsert.executeUpdate();
            }
            return !listed;
        });
    }

    /**
     * The page left at {@code nowMillis}; {@code node} counts its grace from now. True if and only if
     * it was the user's last open page (the caller starts the grace).
     */
    boolean close(long room, String user, String page, String node, long nowMillis) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE chat_presence SET closed_at = ?, node = ? "
                    + "WHERE room_id = ? AND user_name = ? AND page = ? AND closed_at IS NULL")) {
                update.setLong(1, nowMillis);
                update.setString(2, node);
                update.setLong(3, room);
                update.setString(4, user);
                update.setString(5, page);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement open = c.prepareStatement(
                    "SELECT 1 FROM chat_presence WHERE room_id = ? AND user_name = ? AND closed_at IS NULL")) {
                open.setLong(1, room);
                open.setString(2, user);
                try (ResultSet rs = open.executeQuery()) {
                    return !rs.next();
                }
            }
        });
    }

    /**
     * After the grace: forgets the user's pages that left at or before {@code closedByMillis}, and
     * so unlists the user if no page came back; true if and only if the list changed.
     */
    boolean expire(long room, String user, long closedByMillis) {
        return database.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM chat_presence "
                    + "WHERE room_id = ? AND user_name = ? AND closed_at IS NOT NULL AND closed_at <= ?")) {
                delete.setLong(1, room);
                delete.setString(2, user);
                delete.setLong(3, closedByMillis);
                if (delete.executeUpdate() == 0) {
                    return false;
                }
            }
            return !listed(c, room, user);
        });
    }

    /** The users listed in the room, sorted. */
    List<String> list(long room) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT user_name FROM chat_presence WHERE room_id = ?")) {
                select.setLong(1, room);
                List<String> users = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        users.add(rs.getString(1));
                    }
                }
                users.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(String::compareTo));
                return users;
            }
        });
    }

    /** Whether a node that is gone ({@link Node#gone}) left rows. */
    boolean hasOrphans() {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM chat_presence WHERE " + Node.gone("node") + " LIMIT 1");
                 ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Removes the rows of nodes that are gone; returns the rooms whose list they were in, in order. */
    List<Long> removeOrphans() {
        return database.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM chat_presence WHERE " + Node.gone("node")
                    + " RETURNING room_id");
                 ResultSet rs = delete.executeQuery()) {
                TreeSet<Long> rooms = new TreeSet<>();
                while (rs.next()) {
                    rooms.add(rs.getLong(1));
                }
                return List.copyOf(rooms);
            }
        });
    }

    private static boolean listed(Connection c, long room, String user) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM chat_presence WHERE room_id = ? AND user_name = ?")) {
            select.setLong(1, room);
            select.setString(2, user);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
