package dev.herald.app.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading tool inputs and writing their schemas: the checks every tool makes the same way. */
final class Inputs {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Most rows a listing tool returns: a model's context is not a dump. */
    static final int MAX_LIMIT = 20;
    static final int DEFAULT_LIMIT = 10;

    private Inputs() {
    }

    /** The optional string field {@code name}, or {@code ""} when absent or null. */
    static String text(JsonNode input, String name) {
        JsonNode value = input.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string, was " + value);
        }
        return value.asText().strip();
    }

    /** The optional {@code limit} field: 1-{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}. */
    static int limit(JsonNode input) {
        JsonNode value = input.get("limit");
        if (value == null || value.isNull()) {
            return DEFAULT_LIMIT;
        }
        if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > MAX_LIMIT || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ", was " + value);
        }
        return value.asInt();
    }

    /** An object schema whose properties are all optional. */
    static ObjectNode schema(ObjectNode properties) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.set("properties", properties);
        return schema;
    }

    static ObjectNode property(String type, String description) {
        return NODES.objectNode().put("type", type).put("description", description);
    }

    static ObjectNode limitProperty() {
        return property("integer", "How many at most, 1-" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ").")
                .put("minimum", 1).put("maximum", MAX_LIMIT);
    }
}
