package dev.herald.hub;

/**
 * Thrown by {@link Hub#publish}, {@link Hub#subscribe} and {@link Hub#position} of a hub whose
 * broker (the shared log of several nodes, such as Redis) cannot be reached. Nothing was published;
 * the hub recovers by itself once the broker is back. Over HTTP it is a 503 with this message.
 */
public final class HubUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HubUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public HubUnavailableException(String reason) {
        super(reason);
    }
}
