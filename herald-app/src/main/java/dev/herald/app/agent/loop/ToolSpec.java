package dev.herald.app.agent.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool as a model is told about it.
 *
 * @param inputSchema a JSON Schema of type {@code object} for the tool's input
 */
public record ToolSpec(String name, String description, ObjectNode inputSchema) {
}
