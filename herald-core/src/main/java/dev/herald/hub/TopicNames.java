package dev.herald.hub;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The check every hub makes of the topics it is given. */
final class TopicNames {

    /** Longest topic name accepted, in chars: topics are keys in memory and in every log. */
    static final int MAX_LENGTH = 1024;

    private TopicNames() {
    }

    /** The topics of a publication, checked; {@value Hub#ALL_TOPICS} is no topic's name. */
    static Set<String> checkPublished(Collection<String> names) {
        Set<String> checked = check(names);
        if (checked.contains(Hub.ALL_TOPICS)) {
            throw new IllegalArgumentException("\"*\" stands for all topics: it cannot be published to");
        }
        return checked;
    }

    /** The topics a subscription names (none for a wide one without names), checked. */
    static Set<String> checkSubscribed(Interest interest) {
        return interest.isWide() && interest.topics().isEmpty() ? Set.of() : check(interest.topics());
    }

    /** The names, each once; throws naming the first that is null, empty or too long. */
    static Set<String> check(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("at least one topic is required");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a topic name is empty");
            }
            if (name.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("topic name is " + name.length()
                        + " chars long, longer than the limit of " + MAX_LENGTH);
            }
            checked.add(name);
        }
        return Set.copyOf(checked);
    }
}
