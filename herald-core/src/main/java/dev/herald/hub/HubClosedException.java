package dev.herald.hub;

/** Thrown by {@link Hub#publish} and {@link Hub#subscribe} once the hub is shutting down. */
public final class HubClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public HubClosedException() {
        super("the hub is shutting down");
    }
}
