package dev.herald.app.agent.loop;

/**
 * Answers a prompt with a model and tools, streaming as it goes: text, tool calls and their
 * results reach a {@link Listener} in the order they happen.
 */
public interface Agent {

    /** Bound on model turns per run: a model that keeps asking for tools is stopped. */
    int DEFAULT_MAX_TURNS = 8;

    /**
     * The tool-use loop over {@code model}: stream a turn; if the model asked for tools, run them,
     * send the results back and stream the next turn; stop when a turn asks for none, or fail after
     * {@code maxTurns} turns.
     */
    static Agent create(ModelClient model, ToolRunner tools, int maxTurns) {
        return new ToolLoop(model, tools, maxTurns);
    }

    /** What answers, as the page shows it (see {@link ModelClient#label()}). */
    String label();

    /**
     * Runs to the end on the calling thread.
     *
     * @return the tokens used over the whole run, as far as the provider reported them
     * @throws AgentException when the run cannot finish (its message is fit to show), including
     *                        {@link AgentException.Kind#CANCELLED} after {@code cancellation} fired
     */
    Usage run(String prompt, Listener listener, Cancellation cancellation);

    /**
     * Receives a run's progress, on the run's thread, in order. A listener that throws ends the run
     * with that exception.
     */
    interface Listener {

        /** A piece of the answer, exactly as the model produced it (leading spaces included). */
        void onText(String text);

        /** The model asked for a tool; {@link #onToolResult} for it follows before the next turn. */
        void onToolCall(ToolCall call);

        void onToolResult(ToolCall call, ToolResult result);

        /** The run's tokens so far, after each model turn. */
        void onUsage(Usage total);
    }
}
