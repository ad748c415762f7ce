package dev.herald.app.agent.provider;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.agent.loop.Message;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolResult;
import dev.herald.app.agent.loop.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conversation and tools in the Messages API's terms: content blocks, tool_use and tool_result. */
final class AnthropicConversation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicConversation() {
    }

    static List<MessageParam> messages(List<Message> conversation) {
        List<MessageParam> messages = new ArrayList<>();
        for (Message message : conversation) {
            messages.add(switch (message) {
                case Message.User user -> MessageParam.ofUser(user.text());
                case Message.Assistant assistant -> MessageParam.ofAssistantOfContentBlockParams(assistantBlocks(assistant));
                case Message.ToolResults results -> MessageParam.ofUserOfContentBlockParams(
                        results.results().stream().map(AnthropicConversation::resultBlock).toList());
            });
        }
        return messages;
    }

    static Tool tool(ToolSpec spec) {
        return Tool.builder()
                .name(spec.name())
                .description(spec.description())
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAllAdditionalProperties(fields(spec.inputSchema().path("properties")))
                                .build())
                        .build())
                .build();
    }

    private static List<ContentBlockParam> assistantBlocks(Message.Assistant assistant) {
        List<ContentBlockParam> blocks = new ArrayList<>();
        if (!assistant.text().isBlank()) {
            blocks.add(ContentBlockParam.ofText(assistant.text()));
        }
        for (ToolCall call : assistant.toolCalls()) {
            blocks.add(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder()
                    .id(call.id())
                    .name(call.name())
                    .input(ToolUseBlockParam.Input.builder().putAllAdditionalProperties(fields(parse(call.input()))).build())
                    .build()));
        }
        return blocks;
    }

    private static ContentBlockParam resultBlock(ToolResult result) {
        return ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                .toolUseId(result.callId())
                .content(result.output())
                .isError(result.error())
                .build());
    }

    private static Map<String, JsonValue> fields(JsonNode object) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        object.properties().forEach(field -> fields.put(field.getKey(), JsonValue.fromJsonNode(field.getValue())));
        return fields;
    }

    /** The model's own input, sent back as it was; input that is not a JSON object goes back empty. */
    private static JsonNode parse(String input) {
        try {
            JsonNode node = JSON.readTree(input);
            return node.isObject() ? node : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
