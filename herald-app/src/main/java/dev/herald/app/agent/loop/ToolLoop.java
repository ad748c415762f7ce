package dev.herald.app.agent.loop;

import java.util.ArrayList;
import java.util.List;

/** {@link Agent#create}: the provider-neutral tool-use loop. */
final class ToolLoop implements Agent {

    private final ModelClient model;
    private final ToolRunner tools;
    private final int maxTurns;

    ToolLoop(ModelClient model, ToolRunner tools, int maxTurns) {
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be at least 1, was " + maxTurns);
        }
        this.model = model;
        this.tools = tools;
        this.maxTurns = maxTurns;
    }

    @Override
    public String label() {
        return model.label();
    }

    @Override
    public Usage run(String prompt, Listener listener, Cancellation cancellation) {
        List<Message> conversation = new ArrayList<>();
        conversation.add(new Message.User(prompt));
        Usage total = Usage.NONE;
        for (int turnNumber = 1; turnNumber <= maxTurns; turnNumber++) {
            cancellation.check();
            Turn turn = model.stream(List.copyOf(conversation), tools.specs(), listener::onText, cancellation);
            total = total.plus(turn.usage());
            listener.onUsage(total);
            conversation.add(new Message.Assistant(turn.text(), turn.toolCalls()));
            if (turn.toolCalls().isEmpty()) {
                return total;
            }
            List<ToolResult> results = new ArrayList<>();
            for (ToolCall call : turn.toolCalls()) {
                cancellation.check();
                listener.onToolCall(call);
                ToolResult result = tools.run(call);
                listener.onToolResult(call, result);
                results.add(result);
            }
            conversation.add(new Message.ToolResults(results));
        }
        throw new AgentException(AgentException.Kind.TOO_MANY_TURNS,
                "The model was still asking for tools after " + maxTurns + " turns; the run was stopped.");
    }
}
