package dev.herald.hub;

import java.util.Set;

/** An open subscription; closing it stops delivery. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {

    /** The subscribed topics. */
    Set<String> topics();

    @Override
    void close();
}
