package dev.herald.app.agent;

import dev.herald.htmx.Contract;
import java.util.List;

/** The events of a run's page, on the run's topic ({@link AgentRun#topic()}). */
public final class AgentContracts {

    /** Output region: text chunks are appended to the answer. */
    public static final Contract CHUNK = Contract.append("chunk", "output");
    /** A tool call's card, appended to the answer out of band (a region has one contract). */
    public static final Contract TOOL = Contract.oob("tool");
    /** A tool's output, into its card's result area. */
    public static final Contract TOOL_RESULT = Contract.oob("tool_result");
    /** A readable failure message, into {@code #run-error}. */
    public static final Contract ERROR = Contract.oob("error");
    /**
     * The end: the run re-rendered as its static page ({@code #run}, outerHTML), which carries the
     * completion banner and removes the connecting element, so the stream closes.
     */
    public static final Contract DONE = Contract.oob("done");

    static final List<Contract> ALL = List.of(CHUNK, TOOL, TOOL_RESULT, ERROR, DONE);
    /** The element the {@link #DONE} event replaces. */
    static final String RUN_TARGET = "run";
    static final String ERROR_TARGET = "run-error";

    private AgentContracts() {
    }
}
