package dev.herald.app.chat;

import dev.herald.app.web.Layout;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The chat templates ({@code src/main/jte/chat/}), rendered to strings. */
final class ChatViews {

    private final JteRenderer templates;

    ChatViews(JteRenderer templates) {
        this.templates = templates;
    }

    String index(ChatIndex index, PageStream stream, int unread) {
        return templates.render("chat/index.jte", Map.of(
                "index", index, "layout", new Layout("Chat", "chat", stream, unread)));
    }

    /** @param leave where the page's leave beacon goes */
    String room(RoomPage page, PageStream stream, int unread, String leave) {
        return templates.render("chat/room.jte", Map.of(
                "page", page, "layout", new Layout(page.room().name() + " · Chat", "chat", stream, unread), "leave", leave));
    }

    String roomItem(Room room) {
        return templates.render("chat/room-item.jte", room);
    }

    String roomItems(List<Room> rooms) {
        return templates.render("chat/room-items.jte", rooms);
    }

    String message(Message message) {
        return templates.render("chat/message.jte", message);
    }

    String messages(List<Message> messages) {
        return templates.render("chat/messages.jte", messages);
    }

    String presence(List<String> users) {
        return templates.render("chat/presence.jte", users);
    }

    /** The composer of a room, empty, or with the refused text and the reason. */
    String composer(Room room, String body, String error) {
        return templates.render("chat/composer.jte", withError(Map.of("room", room, "body", body), error));
    }

    /** The form that creates a room, empty, or with the refused name and the reason. */
    String roomForm(String name, String error) {
        return templates.render("chat/room-form.jte", withError(Map.of("name", name), error));
    }

    /** The parameters and the error, which may be {@code null} (which {@link Map#of} refuses). */
    private static Map<String, Object> withError(Map<String, Object> params, String error) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("error", error);
        return all;
    }
}
