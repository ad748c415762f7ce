package dev.herald.app.chat;

import dev.herald.htmx.Contract;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The chat's topics and the events on them: what its pages declare and its service publishes. */
public final class ChatContracts {

    /** New rooms. */
    public static final String ROOMS_TOPIC = "chat/rooms";
    /** A new room: appended to the room list. */
    public static final Contract ROOMS = Contract.append("chat-room", "rooms");
    /** A new message: appended to the room's messages. */
    public static final Contract MESSAGES = Contract.append("chat-message", "messages");
    /** Who is in the room: the list, replaced. */
    public static final Contract PRESENCE = Contract.replace("presence", "presence");

    private static final Pattern PRESENCE_TOPIC = Pattern.compile("chat/(\\d{1,18})/presence");
    private static final Pattern ROOM_TOPIC = Pattern.compile("chat/(\\d{1,18})");

    private ChatContracts() {
    }

    /** The topic of a room's messages. */
    public static String roomTopic(long roomId) {
        return "chat/" + roomId;
    }

    /** The topic of who is in a room. */
    public static String presenceTopic(long roomId) {
        return "chat/" + roomId + "/presence";
    }

    /** The room a presence topic is of. */
    /**
     * The topic only one page of a room subscribes to, naming that page: nothing is published to it,
     * but it tells the stream's end and the page's leave beacon ({@code POST /chat/leave}) apart
     * from other pages' of the same user.
     */
    static String pageTopic(long roomId, String page) {
        return "chat/" + roomId + "/page/" + page;
    }

    /** The page id a page topic of {@code room} names. */
    static Optional<String> pageOf(String topic, long room) {
        String prefix = "chat/" + room + "/page/";
        return topic.startsWith(prefix) && PageId.valid(topic.substring(prefix.length()))
                ? Optional.of(topic.substring(prefix.length())) : Optional.empty();
    }

    static Optional<Long> roomOfPresence(String topic) {
        return room(PRESENCE_TOPIC.matcher(topic));
    }

    /** The room a message topic is of. */
    static Optional<Long> roomOfMessages(String topic) {
        return room(ROOM_TOPIC.matcher(topic));
    }

    private static Optional<Long> room(Matcher matcher) {
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
