package dev.herald.app.agent;

/**
 * A stored tool call of a run.
 *
 * @param seq          its place among the run's calls, from 1
 * @param callId       the provider's id of the call
 * @param input        the arguments, JSON
 * @param answerOffset the length of the run's answer when the call was made
 * @param result       the output, or {@code null} while the tool runs
 * @param error        true if and only if the tool failed
 */
public record ToolCallRecord(long runId, int seq, String callId, String name, String input, int answerOffset,
                             String result, boolean error) {

    /** The card's element id. */
    public String domId() {
        return "tool-" + runId + "-" + seq;
    }

    /** The id of the card's result area, which the {@code tool_result} event fills. */
    public String resultDomId() {
        return domId() + "-result";
    }

    ToolCallRecord withResult(String output, boolean failed) {
        return new ToolCallRecord(runId, seq, callId, name, input, answerOffset, output, failed);
    }
}
