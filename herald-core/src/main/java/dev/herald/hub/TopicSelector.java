package dev.herald.hub;

/**
 * Selects topics by a rule rather than by name: a URL Pattern, a URI Template, or any predicate.
 * A subscription with selectors ({@link Interest#orMatching}) receives the events of every topic
 * one of them selects, and replays from every such topic's log.
 *
 * <p>Called under the hub's lock, once per subscriber with selectors per topic of each event
 * published: it must be fast, bounded in cost, and must not block or throw.
 */
@FunctionalInterface
public interface TopicSelector {

    /** True if and only if {@code topic} is selected. */
    boolean matches(String topic);
}
