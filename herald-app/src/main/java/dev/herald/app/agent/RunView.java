package dev.herald.app.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * A run as its page shows it: the answer's text and the tool cards interleaved as they streamed.
 *
 * @param calls the run's tool calls, in order
 */
public record RunView(AgentRun run, List<ToolCallRecord> calls) {

    public RunView {
        calls = List.copyOf(calls);
    }

    /** A piece of the output: text, or a tool call's card. Exactly one of the two is set. */
    public record Segment(String text, ToolCallRecord call) {
        public boolean isText() {
            return text != null;
        }
    }

    /** Text up to each call's offset, the call, and so on; empty text pieces are left out. */
    public List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        String answer = run.answer();
        int from = 0;
        for (ToolCallRecord call : calls) {
            int to = Math.clamp(call.answerOffset(), from, answer.length());
            if (to > from) {
                segments.add(new Segment(answer.substring(from, to), null));
            }
            segments.add(new Segment(null, call));
            from = to;
        }
        if (from < answer.length()) {
            segments.add(new Segment(answer.substring(from), null));
        }
        return segments;
    }

    /** "Done · 1,234 tokens in, 56 out", or the status alone when the provider reported no usage. */
    public String summary() {
        String status = run.status().label();
        if (run.inputTokens() == null || run.inputTokens() + run.outputTokens() == 0) {
            return status;
        }
        return "%s · %,d tokens in, %,d out".formatted(status, run.inputTokens(), run.outputTokens());
    }
}
