package dev.herald.app.agent.loop;

import java.util.Objects;

/**
 * A tool the model asked for.
 *
 * @param id    the provider's id of the call (Anthropic {@code toolu_…}, OpenAI {@code call_…}); the
 *              result is sent back under it
 * @param name  the tool's name
 * @param input the arguments, a JSON object as text (as the model produced it; {@code {}} when none)
 */
public record ToolCall(String id, String name, String input) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        input = input == null || input.isBlank() ? "{}" : input;
    }
}
