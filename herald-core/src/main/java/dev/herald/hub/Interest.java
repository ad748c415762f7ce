package dev.herald.hub;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a subscription receives: the events of some topics named exactly, of every topic a
 * {@link TopicSelector} selects, or of all topics; and which private events among them it may read.
 * Immutable: every method returns a changed copy.
 *
 * <pre>{@code
 * hub.subscribe(Interest.topics(List.of("chat/1"))
 *         .orMatching(topic -> topic.startsWith("https://example.com/books/"))
 *         .withPrivateAccess(topics -> topics.contains("https://example.com/users/42")),
 *     lastEventId, subscriber);
 * }</pre>
 */
public final class Interest {

    private final Set<String> topics;
    private final List<TopicSelector> selectors;
    private final boolean allTopics;
    private final PrivateAccess access;

    private Interest(Set<String> topics, List<TopicSelector> selectors, boolean allTopics, PrivateAccess access) {
        this.topics = topics;
        this.selectors = selectors;
        this.allTopics = allTopics;
        this.access = access;
    }

    /** The events of {@code topics}, named exactly (Mercure's {@code match}); none private. */
    public static Interest topics(Collection<String> topics) {
        return new Interest(Set.copyOf(topics), List.of(), false, PrivateAccess.NONE);
    }

    /** The events of every topic (Mercure's {@code *}); none private. */
    public static Interest allTopics() {
        return new Interest(Set.of(), List.of(), true, PrivateAccess.NONE);
    }

    /** Also the events of every topic {@code selector} selects. */
    public Interest orMatching(TopicSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return new Interest(topics, Stream.concat(selectors.stream(), Stream.of(selector)).toList(), allTopics, access);
    }

    /** Also the private events {@code access} allows (by default none). */
    public Interest withPrivateAccess(PrivateAccess access) {
        return new Interest(topics, selectors, allTopics, Objects.requireNonNull(access, "access"));
    }

    /** The topics named exactly. */
    public Set<String> topics() {
        return topics;
    }

    /** The selectors, in the order added. */
    public List<TopicSelector> selectors() {
        return selectors;
    }

    /** True if and only if this interest takes every topic. */
    public boolean takesAllTopics() {
        return allTopics;
    }

    public PrivateAccess access() {
        return access;
    }

    /** True if and only if {@code topic} is named, selected, or all topics are taken. */
    public boolean covers(String topic) {
        if (allTopics || topics.contains(topic)) {
            return true;
        }
        for (TopicSelector selector : selectors) {
            if (selector.matches(topic)) {
                return true;
            }
        }
        return false;
    }

    /** True if and only if some topic is selected by a rule rather than by name. */
    boolean isWide() {
        return allTopics || !selectors.isEmpty();
    }

    /**
     * The topics whose history a resume reads: those named, and for a wide interest each of
     * {@code known} (the topics with a log, asked for only then) it covers — a scan of every topic,
     * done once per resume.
     */
    Set<String> topicsToResume(Supplier<? extends Collection<String>> known) {
        if (!isWide()) {
            return topics;
        }
        Set<String> covered = new LinkedHashSet<>(topics);
        for (String name : known.get()) {
            if (covers(name)) {
                covered.add(name);
            }
        }
        return covered;
    }

    /** True if and only if {@code event} is for this interest: one of its topics covered, and readable if private. */
    boolean receives(HubEvent event) {
        if (event.privately() && !access.mayRead(event.topics())) {
            return false;
        }
        for (String topic : event.topics()) {
            if (covers(topic)) {
                return true;
            }
        }
        return false;
    }
}
