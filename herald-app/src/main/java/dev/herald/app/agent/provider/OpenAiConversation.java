package dev.herald.app.agent.provider;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import dev.herald.app.agent.loop.Message;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolResult;
import dev.herald.app.agent.loop.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/** The conversation and tools in Chat Completions terms: assistant tool_calls and tool messages. */
final class OpenAiConversation {

    private OpenAiConversation() {
    }

    static List<ChatCompletionMessageParam> messages(List<Message> conversation) {
        List<ChatCompletionMessageParam> messages = new ArrayList<>();
        messages.add(ChatCompletionMessageParam.ofSystem(
                ChatCompletionSystemMessageParam.builder().content(Providers.SYSTEM_PROMPT).build()));
        for (Message message : conversation) {
            switch (message) {
                case Message.User user -> messages.add(ChatCompletionMessageParam.ofUser(
                        ChatCompletionUserMessageParam.builder().content(user.text()).build()));
                case Message.Assistant assistant -> messages.add(ChatCompletionMessageParam.ofAssistant(assistant(assistant)));
                case Message.ToolResults results -> results.results().forEach(result ->
                        messages.add(ChatCompletionMessageParam.ofTool(toolMessage(result))));
            }
        }
        return messages;
    }

    static ChatCompletionFunctionTool tool(ToolSpec spec) {
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        spec.inputSchema().properties().forEach(field ->
                parameters.putAdditionalProperty(field.getKey(), JsonValue.fromJsonNode(field.getValue())));
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(spec.name())
                        .description(spec.description())
                        .parameters(parameters.build())
                        .build())
                .build();
    }

    private static ChatCompletionAssistantMessageParam assistant(Message.Assistant assistant) {
        ChatCompletionAssistantMessageParam.Builder message = ChatCompletionAssistantMessageParam.builder();
        if (!assistant.text().isEmpty()) {
            message.content(assistant.text());
        }
        for (ToolCall call : assistant.toolCalls()) {
            message.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                    .id(call.id())
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .name(call.name())
                            .arguments(call.input())
                            .build())
                    .build());
        }
        return message.build();
    }

    private static ChatCompletionToolMessageParam toolMessage(ToolResult result) {
        // Chat Completions has no error flag on a tool message: the output says it failed.
        return ChatCompletionToolMessageParam.builder()
                .toolCallId(result.callId())
                .content(result.error() ? "Error: " + result.output() : result.output())
                .build();
    }
}
