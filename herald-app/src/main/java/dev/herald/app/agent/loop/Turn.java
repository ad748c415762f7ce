package dev.herald.app.agent.loop;

import java.util.List;

/**
 * One streamed model turn, complete.
 *
 * @param text      the text the model produced in this turn (already streamed as deltas)
 * @param toolCalls the tools it asked for, in order; empty when the turn ends the run
 * @param usage     tokens, as far as the provider reported them ({@link Usage#NONE} otherwise)
 */
public record Turn(String text, List<ToolCall> toolCalls, Usage usage) {

    public Turn {
        toolCalls = List.copyOf(toolCalls);
    }
}
