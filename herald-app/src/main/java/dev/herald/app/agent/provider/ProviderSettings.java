package dev.herald.app.agent.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Which provider answers and how to reach it.
 *
 * @param kind              which of the three
 * @param model             the model's name (unused by the offline agent)
 * @param baseUrl           the API's base URL, or {@code null} for the provider's own (Anthropic);
 *                          required for an OpenAI-compatible endpoint
 * @param apiKey            the key, or {@code null} (the offline agent; a local OpenAI-compatible server)
 * @param timeout           how long the provider may stay silent while a turn streams
 * @param maxRetries        retries of a request the provider refused before streaming (429, 5xx)
 * @param offlineTokenDelay the offline agent's pause between words
 */
public record ProviderSettings(Kind kind, String model, String baseUrl, String apiKey, Duration timeout,
                               int maxRetries, Duration offlineTokenDelay) {

    /** The providers. */
    public enum Kind {
        OFFLINE, ANTHROPIC, OPENAI
    }

    public ProviderSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(offlineTokenDelay, "offlineTokenDelay");
        if (kind != Kind.OFFLINE && (model == null || model.isBlank())) {
            throw new IllegalArgumentException(kind + " needs a model name");
        }
        if (kind == Kind.ANTHROPIC && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("ANTHROPIC needs an API key");
        }
        if (kind == Kind.OPENAI && (baseUrl == null || baseUrl.isBlank())) {
            throw new IllegalArgumentException("OPENAI needs a base URL");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
    }

    /** The offline agent, {@code tokenDelay} between words. */
    public static ProviderSettings offline(Duration tokenDelay) {
        return new ProviderSettings(Kind.OFFLINE, null, null, null, Duration.ofSeconds(60), 0, tokenDelay);
    }

    @Override
    public String toString() {
        return "ProviderSettings[kind=" + kind + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "(unset)" : "(hidden)") + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", offlineTokenDelay=" + offlineTokenDelay + "]";
    }
}
