package dev.herald.app.agent.provider;

import dev.herald.app.agent.loop.AgentException;
import dev.herald.app.agent.loop.AgentException.Kind;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** What the providers' failures mean, in the words a person reads. */
final class Failures {

    /** Error types (Anthropic's, OpenAI's) that mean the provider failed, not the request. */
    private static final Set<String> SERVER_ERRORS = Set.of("overloaded_error", "api_error", "server_error");

    private Failures() {
    }

    /** A failure to read the provider's stream: a timeout, or a failed or dropped connection. */
    static AgentException io(String provider, Throwable failure, Duration timeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("timeout")
                    || t instanceof java.net.SocketTimeoutException) {
                return new AgentException(Kind.TIMEOUT, provider + " sent nothing for " + seconds(timeout)
                        + "; the run was stopped.", failure);
            }
        }
        return new AgentException(Kind.CONNECTION, "The connection to " + provider + " failed before the answer was complete ("
                + rootMessage(failure) + ").", failure);
    }

    /** The stream ended cleanly, but before the provider said the answer was complete. */
    static AgentException truncated(String provider, Throwable failure) {
        return new AgentException(Kind.CONNECTION, provider + " closed the stream before the answer was complete.", failure);
    }

    /** An HTTP status or an error event from the provider. */
    static AgentException status(String provider, int status, String type, String message, String retryAfter) {
        String what = (type == null ? "" : type + ", ") + (status == 200 ? "in the stream" : "HTTP " + status);
        String detail = message == null || message.isBlank() ? "" : ": " + message.strip().replaceAll("\\.$", "");
        if (status == 429 || "rate_limit_error".equals(type) || "rate_limit_exceeded".equals(type)) {
            String retry = retryAfter == null ? "" : " Retry after " + retryAfter + " s.";
            return new AgentException(Kind.RATE_LIMITED, provider + " is rate limiting requests (" + what + ")" + detail + "." + retry);
        }
        if (status == 529 || status == 503 || status >= 500 || SERVER_ERRORS.contains(type)) {
            return new AgentException(Kind.OVERLOADED, provider + " is overloaded or unavailable (" + what + ")" + detail
                    + ". Try again in a moment.");
        }
        return new AgentException(Kind.PROVIDER, provider + " refused the request (" + what + ")" + detail + ".");
    }

    /** The provider sent something its client could not read. */
    static AgentException unreadable(String provider, Throwable failure) {
        return new AgentException(Kind.PROVIDER, provider + " sent data that could not be read (" + rootMessage(failure) + ").", failure);
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
