package dev.herald.app.agent.loop;

import java.util.List;

/**
 * One message of a conversation with a model, in no provider's format: each {@link ModelClient}
 * translates the conversation into its own API's messages.
 */
public sealed interface Message {

    /** What the person asked. */
    record User(String text) implements Message {
    }

    /** What the model answered: text (possibly empty) and the tools it asked for. */
    record Assistant(String text, List<ToolCall> toolCalls) implements Message {
        public Assistant {
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The results of the tools the previous {@link Assistant} message asked for, in its order. */
    record ToolResults(List<ToolResult> results) implements Message {
        public ToolResults {
            results = List.copyOf(results);
        }
    }
}
