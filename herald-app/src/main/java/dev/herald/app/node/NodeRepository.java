package dev.herald.app.node;

import dev.herald.app.db.Database;
import java.sql.PreparedStatement;

/** The {@code app_nodes} rows: one per running node, with its last heartbeat. */
final class NodeRepository {

    private final Database database;

    NodeRepository(Database database) {
        this.database = database;
    }

    /** Records the node's heartbeat; false when its row was gone (the other nodes took it for dead). */
    boolean renew(String id, long nowMillis) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE app_nodes SET seen_at = ? WHERE id = ?")) {
                update.setLong(1, nowMillis);
                update.setString(2, id);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO app_nodes (id, seen_at) VALUES (?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, nowMillis);
                insert.executeUpdate();
            }
            return false;
        });
    }

    /** Removes the nodes not seen since {@code millis}; returns how many. */
    int removeUnseenSince(long millis) {
        return database.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM app_nodes WHERE seen_at < ?")) {
                delete.setLong(1, millis);
                return delete.executeUpdate();
            }
        });
    }

    void remove(String id) {
        database.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM app_nodes WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate();
            }
        });
    }

    void removeAll() {
        database.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM app_nodes")) {
                return delete.executeUpdate();
            }
        });
    }
}
