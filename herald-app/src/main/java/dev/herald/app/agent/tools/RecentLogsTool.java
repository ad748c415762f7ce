package dev.herald.app.agent.tools;

import static dev.herald.app.agent.tools.Inputs.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.app.agent.loop.ToolSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@value #NAME}: the server's newest log lines, through {@link RecentLogs}. */
final class RecentLogsTool implements Tool {

    static final String NAME = AppTools.RECENT_LOGS;
    private static final Set<String> LEVELS = Set.of("DEBUG", "INFO", "WARN", "ERROR");

    private final RecentLogs logs;

    RecentLogsTool(RecentLogs logs) {
        this.logs = logs;
    }

    @Override
    public ToolSpec spec() {
        ObjectNode properties = NODES.objectNode();
        properties.set("minimum_level", Inputs.property("string",
                "Only lines at this level or above: DEBUG, INFO, WARN or ERROR (default INFO)."));
        properties.set("limit", Inputs.limitProperty());
        return new ToolSpec(NAME, "Reads the server's most recent log lines.", Inputs.schema(properties));
    }

    @Override
    public JsonNode call(JsonNode input) {
        String level = Inputs.text(input, "minimum_level").toUpperCase(Locale.ROOT);
        if (level.isEmpty()) {
            level = "INFO";
        } else if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("\"minimum_level\" must be one of " + LEVELS + ", was " + level);
        }
        List<RecentLogs.Line> lines = logs.recent(Inputs.limit(input), level);
        ObjectNode output = NODES.objectNode().put("minimum_level", level).put("found", lines.size());
        ArrayNode items = output.putArray("lines");
        for (RecentLogs.Line line : lines) {
            items.addObject()
                    .put("at", line.at().toString())
                    .put("level", line.level())
                    .put("logger", line.logger())
                    .put("message", line.message());
        }
        return output;
    }
}
