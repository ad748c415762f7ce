package dev.herald.app.chat;

import dev.herald.app.agent.tools.ChatSearch;
import dev.herald.app.db.Database;
import dev.herald.app.db.Like;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Chat messages for the agent's {@code search_chat_messages} tool, from the database. Thread-safe. */
public final class ChatMessageSearch implements ChatSearch {

    private final Database database;

    public ChatMessageSearch(Database database) {
        this.database = database;
    }

    @Override
    public List<Hit> search(String text, int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT r.name, m.author, m.body, m.created_at
                    FROM chat_messages m JOIN chat_rooms r ON r.id = m.room_id
                    WHERE %s OR %s
                    ORDER BY m.id DESC LIMIT ?""".formatted(Like.CONTAINS.formatted("m.body"), Like.CONTAINS.formatted("m.author")))) {
                String pattern = Like.pattern(text);
                select.setString(1, pattern);
                select.setString(2, pattern);
                select.setInt(3, limit);
                List<Hit> hits = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new Hit(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))));
                    }
                }
                return hits;
            }
        });
    }
}
