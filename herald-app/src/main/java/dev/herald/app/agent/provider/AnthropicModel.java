package dev.herald.app.agent.provider;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicRetryableException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.app.agent.loop.AgentException;
import dev.herald.app.agent.loop.Cancellation;
import dev.herald.app.agent.loop.Message;
import dev.herald.app.agent.loop.ModelClient;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolSpec;
import dev.herald.app.agent.loop.Turn;
import dev.herald.app.agent.loop.Usage;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Claude through the Messages API, streamed ({@code com.anthropic:anthropic-java}). */
final class AnthropicModel implements ModelClient {

    private static final String PROVIDER = "Anthropic";

    private final AnthropicClient client;
    private final String model;
    private final Duration timeout;

    AnthropicModel(AnthropicClient client, String model, Duration timeout) {
        this.client = client;
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public String label() {
        return PROVIDER + " " + model;
    }

    @Override
    public Turn stream(List<Message> conversation, List<ToolSpec> tools, Consumer<String> onText, Cancellation cancellation) {
        MessageCreateParams.Builder params = MessageCreateParams.builder()
                .model(model)
                .maxTokens(Providers.MAX_OUTPUT_TOKENS)
                .system(Providers.SYSTEM_PROMPT)
                .messages(AnthropicConversation.messages(conversation));
        tools.forEach(spec -> params.addTool(AnthropicConversation.tool(spec)));
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params.build());
             // First interrupt the read (a virtual thread's socket read ends at once), then close the stream.
             Cancellation.Registration interrupt = cancellation.closeOnCancel(Thread.currentThread()::interrupt);
             Cancellation.Registration close = cancellation.closeOnCancel(stream)) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.contentBlockDelta().flatMap(delta -> delta.delta().text()).ifPresent(text -> onText.accept(text.text()));
            });
        } catch (RuntimeException e) {
            throw cancellation.isCancelled() ? Cancellation.cancelledException() : translate(e);
        } finally {
            if (cancellation.isCancelled()) {
                Thread.interrupted(); // the interrupt was for the read
            }
        }
        cancellation.check(); // a stream closed by the cancel may simply end
        com.anthropic.models.messages.Message message;
        try {
            message = accumulator.message();
        } catch (IllegalStateException e) {
            throw Failures.truncated(PROVIDER, e);
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new java.util.ArrayList<>();
        for (ContentBlock block : message.content()) {
            block.text().map(TextBlock::text).ifPresent(text::append);
            block.toolUse().ifPresent(use -> calls.add(new ToolCall(use.id(), use.name(),
                    String.valueOf(use._input().convert(JsonNode.class)))));
        }
        return new Turn(text.toString(), calls, new Usage(message.usage().inputTokens(), message.usage().outputTokens()));
    }

    private AgentException translate(RuntimeException e) {
        return switch (e) {
            case AnthropicServiceException service -> Failures.status(PROVIDER, service.statusCode(),
                    service.type().map(ErrorType::asString).orElse(null), service.apiMessage().orElse(null),
                    service.headers().values("retry-after").stream().findFirst().orElse(null));
            case AnthropicIoException io -> Failures.io(PROVIDER, io, timeout);
            case AnthropicRetryableException retryable -> Failures.io(PROVIDER, retryable, timeout);
            case AnthropicInvalidDataException invalid -> Failures.unreadable(PROVIDER, invalid);
            case AgentException agent -> agent;
            default -> throw e;
        };
    }
}
