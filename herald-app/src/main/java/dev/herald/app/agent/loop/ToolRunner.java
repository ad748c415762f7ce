package dev.herald.app.agent.loop;

import java.util.List;

/** The tools a run may use: what the model is told, and how a call is answered. */
public interface ToolRunner {

    List<ToolSpec> specs();

    /**
     * Runs {@code call}. Never throws for a bad call: an unknown tool, bad input or a failing tool is
     * a result with {@link ToolResult#error()} set, which the model gets to read.
     */
    ToolResult run(ToolCall call);
}
