package dev.herald.mercure;

import dev.herald.hub.PrivateAccess;
import dev.herald.hub.TopicSelector;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a verified token allows: the topics it may publish to and those whose private updates it
 * may read, each as selectors ({@code *}, exact, URL patterns or URI templates), and when it expires.
 *
 * @param expiresAt the token's {@code exp}, or {@code null} (0.x tokens may have none)
 */
record Grant(List<TopicSelector> publish, List<TopicSelector> subscribe, Instant expiresAt) {

    Grant {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }

    /** @throws MercureException 403 insufficient_scope naming the first topic not covered */
    void checkPublish(Collection<String> topics) {
        for (String topic : topics) {
            if (!anyMatches(publish, topic)) {
                throw new MercureException(403, "the token does not grant publish on topic \"" + topic + "\"",
                        java.util.Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
            }
        }
    }

    /** Whether {@code subscribe} is granted on {@code topic}. */
    boolean grantsSubscribe(String topic) {
        return anyMatches(subscribe, topic);
    }

    /** Reads a private update when one of its topics is granted {@code subscribe}. */
    PrivateAccess privateAccess() {
        if (subscribe.isEmpty()) {
            return PrivateAccess.NONE;
        }
        return (Set<String> topics) -> {
            for (String topic : topics) {
                if (anyMatches(subscribe, topic)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean anyMatches(List<TopicSelector> selectors, String topic) {
        for (TopicSelector selector : selectors) {
            if (selector.matches(topic)) {
                return true;
            }
        }
        return false;
    }
}
