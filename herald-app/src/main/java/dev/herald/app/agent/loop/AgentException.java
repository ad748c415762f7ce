package dev.herald.app.agent.loop;

import java.util.Objects;

/**
 * A run could not go on. The message is one readable sentence, fit to show the person who asked
 * (no stack trace, no secrets); {@link #kind()} says what happened for code that reacts to it.
 */
public final class AgentException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The provider refused for too many requests (HTTP 429, {@code rate_limit_error}). */
        RATE_LIMITED,
        /** The provider is overloaded or unavailable ({@code overloaded_error}, 5xx). */
        OVERLOADED,
        /** The provider stayed silent longer than the agent's timeout. */
        TIMEOUT,
        /** The connection failed or was dropped before the answer was complete. */
        CONNECTION,
        /** The provider refused the request (bad key, bad model, bad input) or sent something unusable. */
        PROVIDER,
        /** The model kept asking for tools past the loop's bound. */
        TOO_MANY_TURNS,
        /** Someone cancelled the run. */
        CANCELLED
    }

    private final Kind kind;

    public AgentException(Kind kind, String message) {
        this(kind, message, null);
    }

    public AgentException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
