package dev.herald.mercure;

import dev.herald.hub.Hub;
import dev.herald.hub.Interest;
import dev.herald.hub.TopicSelector;
import java.net.URI;
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
    static final String MATCH_URLPATTERN = "match_urlpattern";
    /** Herald's extension: route lines for a stream shared among a browser's tabs. */
    static final String ROUTE = "herald-route";

    private SubscribeQuery() {
    }

    static Subscribe read(MercureRequest request, URI hubUrl) {
        Map<String, List<String>> query = request.query();
        boolean v1 = query.containsKey(V1_LAST_EVENT_ID);
        for (String name : query.keySet()) {
            // The whole "match" prefix is reserved: an unknown matcher type must fail loudly (1.0 spec).
            if (name.toLowerCase(Locale.ROOT).startsWith("match")) {
                v1 = true;
                if (!name.equals("match") && !name.equals("match_exact") && !name.equals(MATCH_URLPATTERN)) {
                    throw MercureException.badRequest("unknown topic matcher parameter \"" + name
                            + "\": use match, match_exact or match_urlpattern");
                }
            }
        }
        if (v1 && query.containsKey("topic")) {
            throw MercureException.badRequest("use match parameters (Mercure 1.0) or topic parameters (0.x), not both");
        }
        Mercure.Version version = v1 ? Mercure.Version.V1 : Mercure.Version.V0;
        Interest interest = v1 ? v1Interest(query, hubUrl) : v0Interest(query);
        String header = request.header(Limits.LAST_EVENT_ID);
        String id = header != null ? header : first(query, v1 ? V1_LAST_EVENT_ID : V0_LAST_EVENT_ID);
        return new Subscribe(version, interest, Limits.lastEventId(id == null || id.isEmpty() ? null : id), null,
                routed(query.get(ROUTE)), v1 ? v1Matchers(query) : v0Matchers(query));
    }

    private static List<Subscribe.Matcher> v1Matchers(Map<String, List<String>> query) {
        List<Subscribe.Matcher> matchers = new ArrayList<>();
        query.forEach((name, values) -> {
            String type = name.equals(MATCH_URLPATTERN) ? "urlpattern" : name.startsWith("match") ? "exact" : null;
            if (type != null) {
                values.forEach(value -> matchers.add(new Subscribe.Matcher(type, value)));
            }
        });
        return matchers;
    }

    private static List<Subscribe.Matcher> v0Matchers(Map<String, List<String>> query) {
        return query.getOrDefault("topic", List.of()).stream()
                .map(topic -> new Subscribe.Matcher(Subscribe.Matcher.TOPIC_SELECTOR, topic)).toList();
    }

    private static boolean routed(List<String> values) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        if (values.size() > 1 || !values.getFirst().equals("topics")) {
            throw MercureException.badRequest(ROUTE + " must be given once, as \"topics\"");
        }
        return true;
    }

    private static Interest v1Interest(Map<String, List<String>> query, URI hubUrl) {
        List<String> exact = new ArrayList<>(query.getOrDefault("match", List.of()));
        exact.addAll(query.getOrDefault("match_exact", List.of()));
        List<String> patterns = query.getOrDefault(MATCH_URLPATTERN, List.of());
        List<String> all = new ArrayList<>(exact);
        all.addAll(patterns);
        Limits.topics(all, "match");
        List<TopicSelector> selectors = new ArrayList<>();
        for (String pattern : patterns) {
            Limits.selector(pattern, MATCH_URLPATTERN);
            if (pattern.equals(Hub.ALL_TOPICS)) {
                exact.add(pattern);
                continue;
            }
            try {
                selectors.add(UrlPatternSelector.compile(pattern, hubUrl));
            } catch (IllegalArgumentException e) {
                throw MercureException.badRequest(MATCH_URLPATTERN + " \"" + pattern + "\" is not a URL pattern: " + e.getMessage());
            }
        }
        return interest(exact, selectors, "match");
    }

    private static Interest v0Interest(Map<String, List<String>> query) {
        List<String> exact = new ArrayList<>();
        List<TopicSelector> selectors = new ArrayList<>();
        for (String selector : Limits.topics(query.getOrDefault("topic", List.of()), "topic")) {
            Limits.selector(selector, "topic");
            if (!UriTemplateSelector.isTemplate(selector)) {
                exact.add(selector);
                continue;
            }
            try {
                selectors.add(UriTemplateSelector.compile(selector));
            } catch (IllegalArgumentException e) {
                throw MercureException.badRequest("topic \"" + selector + "\" is not a URI template: " + e.getMessage());
            }
        }
        return interest(exact, selectors, "topic");
    }

    private static Interest interest(List<String> exact, List<TopicSelector> selectors, String parameter) {
        for (String topic : exact) {
            Limits.selector(topic, parameter);
        }
        Interest interest = exact.contains(Hub.ALL_TOPICS) ? Interest.allTopics() : Interest.topics(exact);
        for (TopicSelector selector : selectors) {
            interest = interest.orMatching(selector);
        }
        return interest;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
