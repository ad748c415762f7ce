package dev.herald.app.agent.provider;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.Timeout;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.herald.app.agent.loop.ModelClient;
import java.net.URI;
import java.time.Duration;

/** The model clients: Anthropic, any OpenAI-compatible endpoint, and the offline agent. */
public final class Providers {

    /** Tells a model what it is for; the offline agent has its own fixed wording. */
    static final String SYSTEM_PROMPT = """
            You are the assistant of Herald, a web app with notifications, chat rooms, background jobs \
            and server logs. Answer questions about the app's data by calling the tools; say so when a \
            tool returns nothing. Be brief.""";
    /** Bound on one turn's answer. */
    static final long MAX_OUTPUT_TOKENS = 2048;
    /** A whole turn may take this long (a stream that keeps sending is not cut before). */
    private static final Duration MAX_TURN = Duration.ofMinutes(10);
    /** A key for OpenAI-compatible servers that take none (Ollama, vLLM, LM Studio): the SDK requires one. */
    private static final String NO_KEY = "unused";

    private Providers() {
    }

    /** The client {@code settings} describe. */
    public static ModelClient create(ProviderSettings settings) {
        return switch (settings.kind()) {
            case OFFLINE -> new OfflineModel(settings.offlineTokenDelay());
            case ANTHROPIC -> anthropic(settings);
            case OPENAI -> openAi(settings);
        };
    }

    private static ModelClient anthropic(ProviderSettings settings) {
        AnthropicOkHttpClient.Builder client = AnthropicOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .maxRetries(settings.maxRetries())
                .timeout(timeout(settings.timeout()));
        if (settings.baseUrl() != null) {
            client.baseUrl(settings.baseUrl());
        }
        return new AnthropicModel(client.build(), settings.model(), settings.timeout());
    }

    private static ModelClient openAi(ProviderSettings settings) {
        OpenAIOkHttpClient.Builder client = OpenAIOkHttpClient.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey() == null ? NO_KEY : settings.apiKey())
                .maxRetries(settings.maxRetries())
                .timeout(com.openai.core.Timeout.builder()
                        .connect(settings.timeout()).read(settings.timeout()).write(settings.timeout())
                        .request(MAX_TURN).build());
        URI base = URI.create(settings.baseUrl());
        String provider = "api.openai.com".equals(base.getHost()) ? "OpenAI" : base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        return new OpenAiModel(client.build(), provider, settings.model(), settings.timeout());
    }

    private static Timeout timeout(Duration silence) {
        return Timeout.builder().connect(silence).read(silence).write(silence).request(MAX_TURN).build();
    }
}
