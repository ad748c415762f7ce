package dev.herald.app.agent.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Chat Completions streaming as the API sends it: {@code data: {"object":"chat.completion.chunk",…}}
 * lines (no event names), a usage chunk with no choices, then {@code data: [DONE]}.
 */
final class OpenAiWire {

    static final String MODEL = "gpt-test-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = """
            {"id":"chatcmpl-AZ3x","object":"chat.completion.chunk","created":1733000000,"model":"%s",\
            "system_fingerprint":"fp_test",""".formatted(MODEL);

    private OpenAiWire() {
    }

    static String role() {
        return data(HEAD + """
                "choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""");
    }

    static String content(String text) {
        return data(HEAD + """
                "choices":[{"index":0,"delta":{"content":%s},"logprobs":null,"finish_reason":null}]}""".formatted(quote(text)));
    }

    static String toolCallStart(int index, String id, String name) {
        return data(HEAD + """
                "choices":[{"index":0,"delta":{"tool_calls":[{"index":%d,"id":%s,"type":"function",\
                "function":{"name":%s,"arguments":""}}]},"logprobs":null,"finish_reason":null}]}"""
                .formatted(index, quote(id), quote(name)));
    }

    static String toolCallArguments(int index, String part) {
        return data(HEAD + """
                "choices":[{"index":0,"delta":{"tool_calls":[{"index":%d,"function":{"arguments":%s}}]},\
                "logprobs":null,"finish_reason":null}]}""".formatted(index, quote(part)));
    }

    static String finish(String reason) {
        return data(HEAD + """
                "choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"%s"}]}""".formatted(reason));
    }

    static String usage(long prompt, long completion) {
        return data(HEAD + """
                "choices":[],"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(prompt, completion, prompt + completion));
    }

    static String error(String type, String message) {
        return data("""
                {"error":{"message":%s,"type":"%s","param":null,"code":null}}""".formatted(quote(message), type));
    }

    static String done() {
        return data("[DONE]");
    }

    /** A whole text-only answer: role, the tokens, the finish, usage and [DONE]. */
    static FakeSseServer.Reply answer(String... tokens) {
        Object[] steps = new Object[tokens.length + 4];
        steps[0] = role();
        for (int i = 0; i < tokens.length; i++) {
            steps[1 + i] = content(tokens[i]);
        }
        steps[tokens.length + 1] = finish("stop");
        steps[tokens.length + 2] = usage(12, tokens.length);
        steps[tokens.length + 3] = done();
        return new FakeSseServer.Reply.Stream(FakeSseServer.steps(steps));
    }

    private static String data(String json) {
        return "data: " + json + "\n\n";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
