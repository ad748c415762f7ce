package dev.herald.app.agent.provider;

import static dev.herald.app.agent.provider.AnthropicWire.blockStop;
import static dev.herald.app.agent.provider.AnthropicWire.error;
import static dev.herald.app.agent.provider.AnthropicWire.inputJsonDelta;
import static dev.herald.app.agent.provider.AnthropicWire.messageDelta;
import static dev.herald.app.agent.provider.AnthropicWire.messageStart;
import static dev.herald.app.agent.provider.AnthropicWire.messageStop;
import static dev.herald.app.agent.provider.AnthropicWire.ping;
import static dev.herald.app.agent.provider.AnthropicWire.textDelta;
import static dev.herald.app.agent.provider.AnthropicWire.textStart;
import static dev.herald.app.agent.provider.AnthropicWire.toolUseStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.agent.loop.Agent;
import dev.herald.app.agent.loop.AgentException;
import dev.herald.app.agent.loop.Cancellation;
import dev.herald.app.agent.loop.ModelClient;
import dev.herald.app.agent.loop.RecordingListener;
import dev.herald.app.agent.loop.Usage;
import dev.herald.app.agent.tools.Toolbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link AnthropicModel} through the official SDK against a loopback server speaking the Messages API's stream. */
class AnthropicModelTest {

    /** Longer than any run of the suite: a run that ends did so because it was cancelled. */
    private static final Duration SERVER_PAUSE = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private final FakeSseServer server = FakeSseServer.start();
    private final ModelClient model = Providers.create(new ProviderSettings(ProviderSettings.Kind.ANTHROPIC,
            AnthropicWire.MODEL, server.baseUrl(""), "test-key", TIMEOUT, 0, Duration.ZERO));
    private final Agent agent = Agent.create(model, Toolbox.of(List.of(new EchoTool())), Agent.DEFAULT_MAX_TURNS);
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streamsEachTextDeltaWithItsLeadingSpacesAndReportsUsage() {
        server.reply(AnthropicWire.answer("Hello", ",", " world", "  —  twice", "\nnext line"));

        Usage usage = agent.run("hi", listener, new Cancellation());

        assertThat(listener.texts()).containsExactly("Hello", ",", " world", "  —  twice", "\nnext line");
        assertThat(usage).isEqualTo(new Usage(10, 5));
        FakeSseServer.Request request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer test-key");
        JsonNode body = json(request.body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("model").asText()).isEqualTo(AnthropicWire.MODEL);
        assertThat(body.path("tools").get(0).path("name").asText()).isEqualTo("lookup");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("hi");
    }

    @Test
    void aToolUseWithItsInputSplitAcrossDeltasIsRunAndItsResultSentBack() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(30), textStart(0), textDelta(0, "Let me look."), blockStop(0), ping(),
                toolUseStart(1, "toolu_01A", "lookup"),
                inputJsonDelta(1, ""), inputJsonDelta(1, "{\"q\": \"he"), inputJsonDelta(1, "rald\"}"),
                blockStop(1), messageDelta("tool_use", 40), messageStop())));
        server.reply(AnthropicWire.answer("Found", " it."));

        Usage usage = agent.run("look up herald", listener, new Cancellation());

        assertThat(listener.events).containsExactly(
                "text:Let me look.",
                "usage:30/40",
                "tool:toolu_01A lookup {\"q\":\"herald\"}",
                "result:toolu_01A {\n  \"found\" : \"herald\"\n}",
                "text:Found", "text: it.",
                "usage:40/42");
        assertThat(usage).isEqualTo(new Usage(40, 42));
        JsonNode second = json(server.requests().get(1).body());
        JsonNode assistant = second.path("messages").get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.path("content").get(1).path("input").path("q").asText()).isEqualTo("herald");
        JsonNode result = second.path("messages").get(2).path("content").get(0);
        assertThat(result.path("type").asText()).isEqualTo("tool_result");
        assertThat(result.path("tool_use_id").asText()).isEqualTo("toolu_01A");
        assertThat(result.path("content").asText()).contains("\"found\" : \"herald\"");
        assertThat(result.path("is_error").asBoolean()).isFalse();
    }

    @Test
    void anErrorEventMidStreamEndsTheRunAfterTheTextBeforeIt() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(5), textStart(0), textDelta(0, "Partial"), error("overloaded_error", "Overloaded"))));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.OVERLOADED);
                    assertThat(e.getMessage()).isEqualTo(
                            "Anthropic is overloaded or unavailable (overloaded_error, in the stream): Overloaded. Try again in a moment.");
                });
        assertThat(listener.texts()).containsExactly("Partial");
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        server.reply(new FakeSseServer.Reply.Status(429, """
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""",
                Map.of("retry-after", "7")));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.RATE_LIMITED);
                    assertThat(e.getMessage()).isEqualTo("Anthropic is rate limiting requests (rate_limit_error, HTTP 429): "
                            + "Number of request tokens has exceeded your per-minute rate limit. Retry after 7 s.");
                });
    }

    @Test
    void aConnectionDroppedMidStreamIsAConnectionFailure() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(5), textStart(0), textDelta(0, "Half"), new FakeSseServer.Step.Drop())));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.CONNECTION);
                    assertThat(e.getMessage()).startsWith("The connection to Anthropic failed before the answer was complete");
                });
        assertThat(listener.texts()).containsExactly("Half");
    }

    @Test
    void aStreamThatEndsCleanlyBeforeMessageStopIsIncomplete() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(messageStart(5), textStart(0), textDelta(0, "Half"))));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Anthropic closed the stream before the answer was complete."));
    }

    @Test
    void aSlowStreamWithinTheTimeoutCompletes() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(5), textStart(0), textDelta(0, "slow"), Duration.ofMillis(300), textDelta(0, " but"),
                Duration.ofMillis(300), textDelta(0, " steady"), blockStop(0), messageDelta("end_turn", 3), messageStop())));

        agent.run("hi", listener, new Cancellation());

        assertThat(listener.texts()).containsExactly("slow", " but", " steady");
    }

    @Test
    void aStreamSilentLongerThanTheTimeoutIsStopped() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(5), textStart(0), textDelta(0, "then"), Duration.ofSeconds(3), textDelta(0, " silence"))));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("Anthropic sent nothing for 700 ms; the run was stopped.");
                });
        assertThat(listener.texts()).containsExactly("then");
    }

    @Test
    void cancellingClosesTheOpenStreamAtOnce() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(5), textStart(0), textDelta(0, "first"), SERVER_PAUSE, textDelta(0, " never"))));
        ModelClient patient = Providers.create(new ProviderSettings(ProviderSettings.Kind.ANTHROPIC,
                AnthropicWire.MODEL, server.baseUrl(""), "test-key", Duration.ofSeconds(60), 0, Duration.ZERO));

        RunCancelledAtFirstText run = RunCancelledAtFirstText.of(patient);

        assertThat(run.ended()).as("the run ends at the cancel, not after the server's %s pause", SERVER_PAUSE).isTrue();
        assertThat(run.failure()).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.CANCELLED));
        assertThat(run.texts()).containsExactly("first");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
