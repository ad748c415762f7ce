package dev.herald.app.agent.loop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link Agent.Listener} that writes down what it hears, one line per callback. */
public class RecordingListener implements Agent.Listener {

    public final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onText(String text) {
        events.add("text:" + text);
    }

    @Override
    public void onToolCall(ToolCall call) {
        events.add("tool:" + call.id() + " " + call.name() + " " + call.input());
    }

    @Override
    public void onToolResult(ToolCall call, ToolResult result) {
        events.add("result:" + result.callId() + (result.error() ? " error " : " ") + result.output());
    }

    @Override
    public void onUsage(Usage total) {
        events.add("usage:" + total.inputTokens() + "/" + total.outputTokens());
    }

    /** The text pieces, in order. */
    public List<String> texts() {
        return events.stream().filter(e -> e.startsWith("text:")).map(e -> e.substring(5)).toList();
    }
}
