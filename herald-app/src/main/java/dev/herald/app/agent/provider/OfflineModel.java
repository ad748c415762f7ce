package dev.herald.app.agent.provider;

import dev.herald.app.agent.loop.Cancellation;
import dev.herald.app.agent.loop.Message;
import dev.herald.app.agent.loop.ModelClient;
import dev.herald.app.agent.loop.ToolSpec;
import dev.herald.app.agent.loop.Turn;
import dev.herald.app.agent.loop.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The offline agent: no language model, no network. Its first turn picks tools by the question's
 * words ({@link OfflinePlan}); its second states what they returned ({@link OfflineAnswer}). Text
 * streams word by word, {@code tokenDelay} apart, like a model's.
 */
final class OfflineModel implements ModelClient {

    static final String LABEL = "offline agent (no language model)";

    private final Duration tokenDelay;

    OfflineModel(Duration tokenDelay) {
        this.tokenDelay = tokenDelay;
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public Turn stream(List<Message> conversation, List<ToolSpec> tools, Consumer<String> onText, Cancellation cancellation) {
        if (!(conversation.getFirst() instanceof Message.User question)) {
            throw new IllegalArgumentException("a conversation starts with the question, was " + conversation.getFirst());
        }
        Set<String> available = tools.stream().map(ToolSpec::name).collect(Collectors.toSet());
        OfflinePlan plan = OfflinePlan.of(question.text(), available);
        String text;
        Turn turn;
        if (conversation.getLast() instanceof Message.ToolResults results
                && conversation.get(conversation.size() - 2) instanceof Message.Assistant asked) {
            text = OfflineAnswer.compose(asked.toolCalls(), results.results(), plan.missing());
            turn = new Turn(text, List.of(), Usage.NONE);
        } else if (plan.calls().isEmpty()) {
            text = plan.missing().isEmpty()
                    ? OfflineAnswer.help(tools.stream().map(ToolSpec::name).toList())
                    : OfflineAnswer.missing(plan.missing());
            turn = new Turn(text, List.of(), Usage.NONE);
        } else {
            text = OfflineAnswer.lookingAt(plan.calls());
            turn = new Turn(text, plan.calls(), Usage.NONE);
        }
        Tokens.stream(text, tokenDelay, onText, cancellation);
        return turn;
    }
}
