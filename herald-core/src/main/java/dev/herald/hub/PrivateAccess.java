package dev.herald.hub;

import java.util.Set;

/**
 * Which private events a subscriber may read (see {@link Publication#privately()}): Mercure's rule
 * is that a subscriber reads a private event when its credentials cover at least one of the
 * event's topics. Checked for live and replayed events alike, under the hub's lock: it must be
 * fast and must not block or throw.
 */
@FunctionalInterface
public interface PrivateAccess {

    /** Reads no private event: an anonymous subscriber. */
    PrivateAccess NONE = topics -> false;

    /** True if and only if a private event published to {@code topics} may be delivered. */
    boolean mayRead(Set<String> topics);
}
