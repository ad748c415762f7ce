package dev.herald.mercure;

import dev.herald.hub.Hub;
import dev.herald.hub.Interest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a subscribe request's parameters, choosing the protocol version by them as Mercure's own
 * compatibility mode does: {@code match*} or {@code last_event_id} is 1.0, {@code topic} is 0.x.
 */
final class SubscribeQuery {

    static final String V1_LAST_EVENT_ID = "last_event_id";
    static final String V0_LAST_EVENT_ID = "lastEventID";

    private SubscribeQuery() {
    }

    static Subscribe read(MercureRequest request) {
        Map<String, List<String>> query = request.query();
        boolean v1 = query.containsKey(V1_LAST_EVENT_ID);
        for (String name : query.keySet()) {
            // The whole "match" prefix is reserved: an unknown matcher type must fail loudly (1.0 spec).
            if (name.toLowerCase(Locale.ROOT).startsWith("match")) {
                v1 = true;
                if (!name.equals("match") && !name.equals("match_exact")) {
                    throw MercureException.badRequest("unknown topic matcher parameter \"" + name
                            + "\": use match, match_exact or match_urlpattern");
                }
            }
        }
        if (v1 && query.containsKey("topic")) {
            throw MercureException.badRequest("use match parameters (Mercure 1.0) or topic parameters (0.x), not both");
        }
        Mercure.Version version = v1 ? Mercure.Version.V1 : Mercure.Version.V0;
        Interest interest = v1 ? v1Interest(query) : v0Interest(query);
        String header = request.header(Limits.LAST_EVENT_ID);
        String id = header != null ? header : first(query, v1 ? V1_LAST_EVENT_ID : V0_LAST_EVENT_ID);
        return new Subscribe(version, interest, Limits.lastEventId(id == null || id.isEmpty() ? null : id), null);
    }

    private static Interest v1Interest(Map<String, List<String>> query) {
        List<String> exact = new ArrayList<>(query.getOrDefault("match", List.of()));
        exact.addAll(query.getOrDefault("match_exact", List.of()));
        return interest(Limits.topics(exact, "match"));
    }

    private static Interest v0Interest(Map<String, List<String>> query) {
        return interest(Limits.topics(query.getOrDefault("topic", List.of()), "topic"));
    }

    private static Interest interest(List<String> exact) {
        if (exact.contains(Hub.ALL_TOPICS)) {
            return Interest.allTopics();
        }
        try {
            return Interest.topics(exact);
        } catch (IllegalArgumentException e) {
            throw MercureException.badRequest(e.getMessage());
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
