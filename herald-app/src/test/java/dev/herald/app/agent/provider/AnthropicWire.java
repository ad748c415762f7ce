package dev.herald.app.agent.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Messages API's streaming events as the API sends them (event name line, one JSON data line,
 * blank line), for {@link FakeSseServer} scripts. Strings are JSON-quoted by Jackson.
 */
public final class AnthropicWire {

    public static final String MODEL = "claude-test-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicWire() {
    }

    public static String messageStart(long inputTokens) {
        return event("message_start", """
                {"type":"message_start","message":{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",\
                "content":[],"model":"%s","stop_reason":null,"stop_sequence":null,\
                "usage":{"input_tokens":%d,"output_tokens":1}}}""".formatted(MODEL, inputTokens));
    }

    public static String textStart(int index) {
        return event("content_block_start", """
                {"type":"content_block_start","index":%d,"content_block":{"type":"text","text":""}}""".formatted(index));
    }

    public static String textDelta(int index, String text) {
        return event("content_block_delta", """
                {"type":"content_block_delta","index":%d,"delta":{"type":"text_delta","text":%s}}""".formatted(index, quote(text)));
    }

    public static String toolUseStart(int index, String id, String name) {
        return event("content_block_start", """
                {"type":"content_block_start","index":%d,"content_block":{"type":"tool_use","id":%s,"name":%s,"input":{}}}"""
                .formatted(index, quote(id), quote(name)));
    }

    public static String inputJsonDelta(int index, String partialJson) {
        return event("content_block_delta", """
                {"type":"content_block_delta","index":%d,"delta":{"type":"input_json_delta","partial_json":%s}}"""
                .formatted(index, quote(partialJson)));
    }

    public static String blockStop(int index) {
        return event("content_block_stop", """
                {"type":"content_block_stop","index":%d}""".formatted(index));
    }

    public static String ping() {
        return event("ping", """
                {"type": "ping"}""");
    }

    public static String messageDelta(String stopReason, long outputTokens) {
        return event("message_delta", """
                {"type":"message_delta","delta":{"stop_reason":"%s","stop_sequence":null},"usage":{"output_tokens":%d}}"""
                .formatted(stopReason, outputTokens));
    }

    public static String messageStop() {
        return event("message_stop", """
                {"type":"message_stop"}""");
    }

    public static String error(String type, String message) {
        return event("error", """
                {"type":"error","error":{"type":"%s","message":%s}}""".formatted(type, quote(message)));
    }

    /** A whole text-only answer: the tokens as text deltas, then the end of the message. */
    public static FakeSseServer.Reply answer(String... tokens) {
        Object[] steps = new Object[tokens.length + 5];
        steps[0] = messageStart(10);
        steps[1] = textStart(0);
        for (int i = 0; i < tokens.length; i++) {
            steps[2 + i] = textDelta(0, tokens[i]);
        }
        steps[tokens.length + 2] = blockStop(0);
        steps[tokens.length + 3] = messageDelta("end_turn", tokens.length);
        steps[tokens.length + 4] = messageStop();
        return new FakeSseServer.Reply.Stream(FakeSseServer.steps(steps));
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
