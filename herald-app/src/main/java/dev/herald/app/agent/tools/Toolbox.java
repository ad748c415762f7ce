package dev.herald.app.agent.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolResult;
import dev.herald.app.agent.loop.ToolRunner;
import dev.herald.app.agent.loop.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tools of a run, by name; outputs are indented JSON (shown in the page as they are). */
public final class Toolbox implements ToolRunner {

    private static final Logger log = LoggerFactory.getLogger(Toolbox.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    private Toolbox(List<Tool> tools) {
        for (Tool tool : tools) {
            if (this.tools.putIfAbsent(tool.spec().name(), tool) != null) {
                throw new IllegalArgumentException("two tools are named " + tool.spec().name());
            }
        }
    }

    public static Toolbox of(List<Tool> tools) {
        return new Toolbox(tools);
    }

    @Override
    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /** True if and only if a tool of this name is in the box. */
    public boolean has(String name) {
        return tools.containsKey(name);
    }

    @Override
    public ToolResult run(ToolCall call) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            return failed(call, "There is no tool named \"" + call.name() + "\"; the tools are " + tools.keySet() + ".");
        }
        JsonNode input;
        try {
            input = JSON.readTree(call.input());
        } catch (JsonProcessingException e) {
            return failed(call, "The input of " + call.name() + " is not JSON: " + e.getOriginalMessage());
        }
        if (!input.isObject()) {
            return failed(call, "The input of " + call.name() + " must be a JSON object, was: " + call.input());
        }
        try {
            return new ToolResult(call.id(), JSON.writeValueAsString(tool.call(input)), false);
        } catch (IllegalArgumentException e) {
            return failed(call, e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("tool {} failed on input {}", call.name(), call.input(), e);
            return failed(call, "The tool " + call.name() + " failed: " + e.getMessage());
        }
    }

    private static ToolResult failed(ToolCall call, String reason) {
        return new ToolResult(call.id(), reason, true);
    }
}
