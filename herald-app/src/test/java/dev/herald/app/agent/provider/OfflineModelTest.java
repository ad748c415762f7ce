package dev.herald.app.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.agent.loop.Cancellation;
import dev.herald.app.agent.loop.Message;
import dev.herald.app.agent.loop.ModelClient;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolSpec;
import dev.herald.app.agent.loop.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The offline agent: rules, not a model, and it says so. */
class OfflineModelTest {

    private static final List<ToolSpec> TOOLS = List.of(
            new ToolSpec("search_notifications", "", null), new ToolSpec("current_time", "", null));

    private final ModelClient offline = Providers.create(ProviderSettings.offline(Duration.ZERO));

    @Test
    void itIsLabelledAsNoLanguageModel() {
        assertThat(offline.label()).isEqualTo("offline agent (no language model)");
    }

    @Test
    void aQuestionItHasNoRuleForGetsHelpThatSaysWhatItIs() {
        List<String> words = new ArrayList<>();

        Turn turn = offline.stream(List.of(new Message.User("hello there")), TOOLS, words::add, new Cancellation());

        assertThat(turn.toolCalls()).isEmpty();
        assertThat(turn.text()).startsWith("I am the offline agent: I follow fixed rules over this app's data, I am not a language model.")
                .contains("Ask me about notifications and the time.");
        assertThat(String.join("", words)).isEqualTo(turn.text());
        assertThat(words).contains(" offline", " agent:");
    }

    @Test
    void wordsPickTheToolsAndAQuotedPhraseIsTheSearch() {
        OfflinePlan plan = OfflinePlan.of("Any unread notifications about “release 2”? What's the date?",
                Set.of("search_notifications", "current_time"));

        assertThat(plan.calls()).containsExactly(
                new ToolCall("offline-1", "search_notifications", "{\"query\":\"release 2\"}"),
                new ToolCall("offline-2", "current_time", "{}"));
        assertThat(plan.missing()).isEmpty();
    }

    @Test
    void whatNoToolCoversIsSaidNotMadeUp() {
        Turn turn = offline.stream(List.of(new Message.User("How are my jobs doing?")), TOOLS, w -> { }, new Cancellation());

        assertThat(turn.toolCalls()).isEmpty();
        assertThat(turn.text()).isEqualTo("This app has no tool for jobs yet, so I cannot look at it.");
    }

    @Test
    void tokensKeepTheSpacesBeforeThem() {
        assertThat(Tokens.split("Two  spaces\nand\n\n- a list")).containsExactly("Two", "  spaces", "\nand", "\n\n-", " a", " list");
    }
}
