package dev.herald.app.agent.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.app.agent.loop.ToolSpec;
import dev.herald.app.agent.tools.Tool;

/** A tool for provider tests: {@code lookup} answers {@code {"found": <its "q">}}. */
final class EchoTool implements Tool {

    @Override
    public ToolSpec spec() {
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        properties.putObject("q").put("type", "string").put("description", "What to look up.");
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        schema.set("properties", properties);
        return new ToolSpec("lookup", "Looks a word up.", schema);
    }

    @Override
    public JsonNode call(JsonNode input) {
        return JsonNodeFactory.instance.objectNode().put("found", input.path("q").asText());
    }
}
