package dev.herald.app.agent.provider;

import static dev.herald.app.agent.provider.OpenAiWire.content;
import static dev.herald.app.agent.provider.OpenAiWire.done;
import static dev.herald.app.agent.provider.OpenAiWire.error;
import static dev.herald.app.agent.provider.OpenAiWire.finish;
import static dev.herald.app.agent.provider.OpenAiWire.role;
import static dev.herald.app.agent.provider.OpenAiWire.toolCallArguments;
import static dev.herald.app.agent.provider.OpenAiWire.toolCallStart;
import static dev.herald.app.agent.provider.OpenAiWire.usage;
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

/**
 * {@link OpenAiModel} through the official SDK, pointed by base URL at a loopback server speaking
 * Chat Completions streaming (as OpenAI, Ollama, vLLM and LM Studio do).
 */
class OpenAiModelTest {

    /** Longer than any run of the suite: a run that ends did so because it was cancelled. */
    private static final Duration SERVER_PAUSE = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private final FakeSseServer server = FakeSseServer.start();
    private final ModelClient model = Providers.create(new ProviderSettings(ProviderSettings.Kind.OPENAI,
            OpenAiWire.MODEL, server.baseUrl("/v1"), null, TIMEOUT, 0, Duration.ZERO));
    private final Agent agent = Agent.create(model, Toolbox.of(List.of(new EchoTool())), Agent.DEFAULT_MAX_TURNS);
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streamsEachContentDeltaWithItsLeadingSpacesAndReportsUsage() {
        server.reply(OpenAiWire.answer("Hello", ",", " world", "  —  twice", "\nnext line"));

        Usage usage = agent.run("hi", listener, new Cancellation());

        assertThat(listener.texts()).containsExactly("Hello", ",", " world", "  —  twice", "\nnext line");
        assertThat(usage).isEqualTo(new Usage(12, 5));
        assertThat(model.label()).isEqualTo("127.0.0.1:" + server.baseUrl("").replaceAll(".*:", "") + " " + OpenAiWire.MODEL);
        FakeSseServer.Request request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        JsonNode body = json(request.body());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("tools").get(0).path("function").path("name").asText()).isEqualTo("lookup");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("hi");
    }

    @Test
    void toolCallsWithArgumentsSplitAcrossChunksAreRunAndTheirResultsSentBack() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                role(), content("Checking."),
                toolCallStart(0, "call_abc", "lookup"), toolCallArguments(0, "{\"q\":"), toolCallArguments(0, " \"herald\"}"),
                toolCallStart(1, "call_def", "lookup"), toolCallArguments(1, "{\"q\": \"sse\"}"),
                finish("tool_calls"), usage(50, 20), done())));
        server.reply(OpenAiWire.answer("Both", " found."));

        Usage usage = agent.run("look up herald and sse", listener, new Cancellation());

        assertThat(listener.events).containsExactly(
                "text:Checking.",
                "usage:50/20",
                "tool:call_abc lookup {\"q\": \"herald\"}",
                "result:call_abc {\n  \"found\" : \"herald\"\n}",
                "tool:call_def lookup {\"q\": \"sse\"}",
                "result:call_def {\n  \"found\" : \"sse\"\n}",
                "text:Both", "text: found.",
                "usage:62/22");
        assertThat(usage).isEqualTo(new Usage(62, 22));
        JsonNode messages = json(server.requests().get(1).body()).path("messages");
        JsonNode assistant = messages.get(2);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_abc");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText()).isEqualTo("{\"q\": \"herald\"}");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_abc");
        assertThat(messages.get(3).path("content").asText()).contains("\"found\" : \"herald\"");
        assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("call_def");
    }

    @Test
    void anErrorChunkMidStreamEndsTheRunAfterTheTextBeforeIt() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                role(), content("Partial"), error("server_error", "The server had an error while processing your request."))));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.OVERLOADED);
                    assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + port() + " is overloaded or unavailable (server_error, in the stream): "
                            + "The server had an error while processing your request. Try again in a moment.");
                });
        assertThat(listener.texts()).containsExactly("Partial");
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        server.reply(new FakeSseServer.Reply.Status(429, """
                {"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}}""",
                Map.of("retry-after", "20")));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.RATE_LIMITED);
                    assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + port()
                            + " is rate limiting requests (requests, HTTP 429): Rate limit reached for requests. Retry after 20 s.");
                });
    }

    @Test
    void aConnectionDroppedMidStreamIsAConnectionFailure() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(role(), content("Half"), new FakeSseServer.Step.Drop())));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.CONNECTION);
                    assertThat(e.getMessage()).startsWith("The connection to 127.0.0.1:" + port() + " failed before the answer was complete");
                });
        assertThat(listener.texts()).containsExactly("Half");
    }

    @Test
    void aStreamThatEndsWithoutAFinishReasonIsIncomplete() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(role(), content("Half"))));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("127.0.0.1:" + port() + " closed the stream before the answer was complete."));
    }

    @Test
    void aSlowStreamWithinTheTimeoutCompletes() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                role(), content("slow"), Duration.ofMillis(300), content(" but"), Duration.ofMillis(300), content(" steady"),
                finish("stop"), done())));

        Usage usage = agent.run("hi", listener, new Cancellation());

        assertThat(listener.texts()).containsExactly("slow", " but", " steady");
        assertThat(usage).isEqualTo(Usage.NONE); // no usage chunk: the server did not report any
    }

    @Test
    void aStreamSilentLongerThanTheTimeoutIsStopped() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                role(), content("then"), Duration.ofSeconds(3), content(" silence"))));

        assertThatThrownBy(() -> agent.run("hi", listener, new Cancellation()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgentException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + port() + " sent nothing for 700 ms; the run was stopped.");
                });
    }

    @Test
    void cancellingClosesTheOpenStreamAtOnce() {
        server.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                role(), content("first"), SERVER_PAUSE, content(" never"))));
        ModelClient patient = Providers.create(new ProviderSettings(ProviderSettings.Kind.OPENAI,
                OpenAiWire.MODEL, server.baseUrl("/v1"), "sk-test", Duration.ofSeconds(60), 0, Duration.ZERO));

        RunCancelledAtFirstText run = RunCancelledAtFirstText.of(patient);

        assertThat(run.ended()).as("the run ends at the cancel, not after the server's %s pause", SERVER_PAUSE).isTrue();
        assertThat(run.failure()).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.kind()).isEqualTo(AgentException.Kind.CANCELLED));
        assertThat(run.texts()).containsExactly("first");
        assertThat(server.requests().getFirst().headers()).containsEntry("Authorization", "Bearer sk-test");
    }

    private String port() {
        return server.baseUrl("").replaceAll(".*:", "");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
