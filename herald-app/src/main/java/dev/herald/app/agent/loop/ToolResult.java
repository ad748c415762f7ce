package dev.herald.app.agent.loop;

/**
 * What a tool answered to a {@link ToolCall}.
 *
 * @param callId the {@link ToolCall#id()} it answers
 * @param output the output as text (JSON from the app's tools), shown escaped and sent to the model
 * @param error  true if and only if the tool failed; {@code output} then says why
 */
public record ToolResult(String callId, String output, boolean error) {
}
