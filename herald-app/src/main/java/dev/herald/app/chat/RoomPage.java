package dev.herald.app.chat;

import java.util.List;

/**
 * A room's page, read at one stream position.
 *
 * @param position the hub position messages and presence were read at
 * @param messages the newest messages, oldest first
 * @param present  who has the room open, sorted
 * @param user     who is looking
 */
public record RoomPage(Room room, String position, List<Message> messages, List<String> present, String user) {

    public RoomPage {
        messages = List.copyOf(messages);
        present = List.copyOf(present);
    }
}
