package dev.herald.app.agent.loop;

import java.util.List;
import java.util.function.Consumer;

/**
 * One provider's streaming API, one model turn at a time: the tool-use loop ({@link Agent#create})
 * is the same for every provider.
 *
 * <p>Implementations are thread-safe: runs call them from their own virtual threads.
 */
public interface ModelClient {

    /**
     * What the page says is answering, such as {@code "offline agent (no language model)"} or
     * {@code "Anthropic claude-sonnet-4-5"}.
     */
    String label();

    /**
     * Streams the model's next turn: each piece of text goes to {@code onText} as it arrives (with
     * its own leading and trailing spaces), then the whole turn is returned. Blocks until the turn
     * is complete.
     *
     * @param conversation the conversation so far, starting with {@link Message.User}
     * @param tools        the tools the model may ask for
     * @param cancellation closes the provider's stream when the run is cancelled
     * @throws AgentException for every failure: provider errors, rate limits, timeouts, dropped
     *                        connections, cancellation
     */
    Turn stream(List<Message> conversation, List<ToolSpec> tools, Consumer<String> onText, Cancellation cancellation);
}
