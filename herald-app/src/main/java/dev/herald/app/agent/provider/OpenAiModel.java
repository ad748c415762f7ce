package dev.herald.app.agent.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.herald.app.agent.loop.AgentException;
import dev.herald.app.agent.loop.Cancellation;
import dev.herald.app.agent.loop.Message;
import dev.herald.app.agent.loop.ModelClient;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolSpec;
import dev.herald.app.agent.loop.Turn;
import dev.herald.app.agent.loop.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Any OpenAI-compatible Chat Completions endpoint (OpenAI, Ollama, vLLM, LM Studio), streamed
 * ({@code com.openai:openai-java} with a base URL).
 */
final class OpenAiModel implements ModelClient {

    private final OpenAIClient client;
    private final String provider;
    private final String model;
    private final Duration timeout;

    /** @param provider how the page names the endpoint, such as "OpenAI" or "http://localhost:11434/v1" */
    OpenAiModel(OpenAIClient client, String provider, String model, Duration timeout) {
        this.client = client;
        this.provider = provider;
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public String label() {
        return provider + " " + model;
    }

    @Override
    public Turn stream(List<Message> conversation, List<ToolSpec> tools, Consumer<String> onText, Cancellation cancellation) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(model)
                .maxCompletionTokens(Providers.MAX_OUTPUT_TOKENS)
                .messages(OpenAiConversation.messages(conversation))
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        tools.forEach(spec -> params.addTool(OpenAiConversation.tool(spec)));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params.build());
             // First interrupt the read (a virtual thread's socket read ends at once), then close the stream.
             Cancellation.Registration interrupt = cancellation.closeOnCancel(Thread.currentThread()::interrupt);
             Cancellation.Registration close = cancellation.closeOnCancel(stream)) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices().forEach(choice -> choice.delta().content().filter(t -> !t.isEmpty()).ifPresent(onText));
            });
        } catch (RuntimeException e) {
            throw cancellation.isCancelled() ? Cancellation.cancelledException() : translate(e);
        } finally {
            if (cancellation.isCancelled()) {
                Thread.interrupted(); // the interrupt was for the read
            }
        }
        cancellation.check(); // a stream closed by the cancel may simply end
        ChatCompletion completion;
        try {
            completion = accumulator.chatCompletion();
        } catch (IllegalStateException e) {
            throw Failures.truncated(provider, e);
        }
        ChatCompletionMessage message = completion.choices().getFirst().message();
        List<ToolCall> calls = new ArrayList<>();
        message.toolCalls().orElse(List.of()).forEach(call -> call.function().ifPresent(f ->
                calls.add(new ToolCall(f.id(), f.function().name(), f.function().arguments()))));
        Usage usage = completion.usage().map(u -> new Usage(u.promptTokens(), u.completionTokens())).orElse(Usage.NONE);
        return new Turn(message.content().orElse(""), calls, usage);
    }

    private AgentException translate(RuntimeException e) {
        return switch (e) {
            case OpenAIServiceException service -> Failures.status(provider, service.statusCode(),
                    service.type().or(service::code).orElse(null), errorMessage(service),
                    service.headers().values("retry-after").stream().findFirst().orElse(null));
            case OpenAIIoException io -> Failures.io(provider, io, timeout);
            case OpenAIRetryableException retryable -> Failures.io(provider, retryable, timeout);
            case OpenAIInvalidDataException invalid -> Failures.unreadable(provider, invalid);
            default -> throw e;
        };
    }

    /** {@code error.message} of the body (an error event's body is the error object itself). */
    private static String errorMessage(OpenAIServiceException service) {
        JsonNode body = service.body().convert(JsonNode.class);
        if (body == null) {
            return null;
        }
        JsonNode error = body.has("error") ? body.get("error") : body;
        return error.path("message").isTextual() ? error.path("message").asText() : null;
    }
}
