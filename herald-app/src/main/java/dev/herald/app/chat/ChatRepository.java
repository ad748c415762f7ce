package dev.herald.app.chat;

import dev.herald.app.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rooms and messages in the database, through plain JDBC. Thread-safe. */
final class ChatRepository {

    private final Database database;

    ChatRepository(Database database) {
        this.database = database;
    }

    /** Stores a room; empty when a room of that name exists. */
    Optional<Room> createRoom(String name, Instant at) {
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO chat_rooms (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
                insert.setString(1, name);
                insert.setString(2, at.toString());
                try (ResultSet rs = insert.executeQuery()) {
                    return rs.next() ? Optional.of(new Room(rs.getLong(1), name, at)) : Optional.empty();
                }
            }
        });
    }

    /** Every room, oldest first (rooms are few: an operator's list, not user content at scale). */
    List<Room> rooms() {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, name, created_at FROM chat_rooms ORDER BY id");
                 ResultSet rs = select.executeQuery()) {
                List<Room> rooms = new ArrayList<>();
                while (rs.next()) {
                    rooms.add(new Room(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3))));
                }
                return rooms;
            }
        });
    }

    Optional<Room> room(long id) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id, name, created_at FROM chat_rooms WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Room(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3))))
                            : Optional.empty();
                }
            }
        });
    }

    Message insertMessage(long roomId, String author, String body, Instant at) {
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO chat_messages (room_id, author, body, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                insert.setLong(1, roomId);
                insert.setString(2, author);
                insert.setString(3, body);
                insert.setString(4, at.toString());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return new Message(rs.getLong(1), roomId, author, body, at);
                }
            }
        });
    }

    /** The room's newest {@code limit} messages, oldest first. */
    List<Message> newest(long roomId, int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT id, author, body, created_at FROM (
                        SELECT * FROM chat_messages WHERE room_id = ? ORDER BY id DESC LIMIT ?
                    ) AS newest ORDER BY id""")) {
                select.setLong(1, roomId);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<Message> messages = new ArrayList<>();
                    while (rs.next()) {
                        messages.add(new Message(rs.getLong(1), roomId, rs.getString(2), rs.getString(3),
                                Instant.parse(rs.getString(4))));
                    }
                    return messages;
                }
            }
        });
    }
}
