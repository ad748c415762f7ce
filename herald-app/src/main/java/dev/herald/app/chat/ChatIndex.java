package dev.herald.app.chat;

import java.util.List;

/**
 * The chat's front page, read at one stream position.
 *
 * @param user the name from the identity cookie, or {@code null}: the page asks for one
 * @param back where to go once named (a room's page), or {@code /chat}
 */
public record ChatIndex(String position, List<Room> rooms, String user, String back) {

    public ChatIndex {
        rooms = List.copyOf(rooms);
    }
}
