package dev.herald.app.agent;

import dev.herald.app.agent.loop.Agent;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolResult;
import dev.herald.app.agent.loop.Usage;

/** One run's listener: each step is stored and published under the service's write lock. */
final class RunRecorder implements Agent.Listener {

    private final AgentRunService service;
    private final LiveRun state;

    RunRecorder(AgentRunService service, LiveRun state) {
        this.service = service;
        this.state = state;
    }

    @Override
    public void onText(String text) {
        if (!text.isEmpty()) {
            service.text(state, text);
        }
    }

    @Override
    public void onToolCall(ToolCall call) {
        service.write(() -> {
            service.storeText(state); // the card's offset is in stored text
            ToolCallRecord record = new ToolCallRecord(state.id, state.calls.size() + 1, call.id(), call.name(),
                    call.input(), state.text.length(), null, false);
            service.repository().addToolCall(record);
            state.calls.put(call.id(), record);
            service.publish(state, AgentContracts.TOOL, service.views().toolCard(record));
        });
    }

    @Override
    public void onToolResult(ToolCall call, ToolResult result) {
        service.write(() -> {
            ToolCallRecord record = state.calls.get(call.id()).withResult(result.output(), result.error());
            service.repository().toolResult(state.id, record.seq(), result.output(), result.error());
            state.calls.put(call.id(), record);
            service.publish(state, AgentContracts.TOOL_RESULT, service.views().toolResult(record));
        });
    }

    @Override
    public void onUsage(Usage total) {
        service.repository().usage(state.id, total.inputTokens(), total.outputTokens());
    }
}
