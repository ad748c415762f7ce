package dev.herald.app.chat;

import java.time.Instant;

/** A chat room. */
public record Room(long id, String name, Instant createdAt) {

    /** The room's page. */
    public String url() {
        return "/chat/room?id=" + id;
    }

    /** The stable id of the room's entry in the room list. */
    public String domId() {
        return "room-" + id;
    }
}
