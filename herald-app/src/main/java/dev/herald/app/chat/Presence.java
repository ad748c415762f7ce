package dev.herald.app.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who has which room open: open streams per room and user. A user is listed while they have a
 * stream open, and for a grace period after their last one ended (a reconnecting tab is a new stream
 * opened around the old one's end: the user must not leave and join again). Not thread-safe: the
 * chat service calls it under its lock.
 */
final class Presence {

    private final Map<Long, Map<String, Integer>> streams = new HashMap<>();

    /** One more stream of {@code user} in the room; true if and only if the list changed. */
    boolean open(long room, String user) {
        Map<String, Integer> users = streams.computeIfAbsent(room, r -> new HashMap<>());
        boolean listed = users.containsKey(user); // with no stream during a grace, still listed
        users.merge(user, 1, Integer::sum);
        return !listed;
    }

    /** One stream fewer; true if and only if it was the user's last (the caller starts the grace). */
    boolean close(long room, String user) {
        Map<String, Integer> users = streams.get(room);
        if (users == null || !users.containsKey(user)) {
            return false;
        }
        int left = Math.max(0, users.get(user) - 1);
        users.put(user, left);
        return left == 0;
    }

    /** After the grace: unlists the user if no stream came back; true if and only if the list changed. */
    boolean expire(long room, String user) {
        Map<String, Integer> users = streams.get(room);
        if (users == null || users.getOrDefault(user, 1) != 0) {
            return false;
        }
        users.remove(user);
        if (users.isEmpty()) {
            streams.remove(room);
        }
        return true;
    }

    /** The users listed in the room, sorted. */
    List<String> list(long room) {
        List<String> users = new ArrayList<>(streams.getOrDefault(room, Map.of()).keySet());
        users.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(String::compareTo));
        return users;
    }
}
