package dev.herald.app.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who has which room open: the open pages per room and user, each page by its id (its stream's
 * page topic, or the stream's own id). A user is listed while a page of theirs is open, and for a
 * grace period after their last one left (a reloading tab is a new page opened around the old one's
 * end: the user must not leave and join again). A page leaves when its leave beacon arrives or its
 * stream ends, whichever comes first; the other is then a no-op. Not thread-safe: the chat service
 * calls it under its lock.
 */
final class Presence {

    private final Map<Long, Map<String, Set<String>>> pages = new HashMap<>();

    /** A page of {@code user} opened the room; true if and only if the list changed. */
    boolean open(long room, String user, String page) {
        Map<String, Set<String>> users = pages.computeIfAbsent(room, r -> new HashMap<>());
        boolean listed = users.containsKey(user); // with no page during a grace, still listed
        users.computeIfAbsent(user, u -> new HashSet<>()).add(page);
        return !listed;
    }

    /** The page left; true if and only if it was the user's last (the caller starts the grace). */
    boolean close(long room, String user, String page) {
        Set<String> open = pages.getOrDefault(room, Map.of()).get(user);
        return open != null && open.remove(page) && open.isEmpty();
    }

    /** After the grace: unlists the user if no page came back; true if and only if the list changed. */
    boolean expire(long room, String user) {
        Map<String, Set<String>> users = pages.get(room);
        if (users == null || !users.containsKey(user) || !users.get(user).isEmpty()) {
            return false;
        }
        users.remove(user);
        if (users.isEmpty()) {
            pages.remove(room);
        }
        return true;
    }

    /** The users listed in the room, sorted. */
    List<String> list(long room) {
        List<String> users = new ArrayList<>(pages.getOrDefault(room, Map.of()).keySet());
        users.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(String::compareTo));
        return users;
    }
}
