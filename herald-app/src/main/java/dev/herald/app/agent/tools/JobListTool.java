package dev.herald.app.agent.tools;

import static dev.herald.app.agent.tools.Inputs.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.app.agent.loop.ToolSpec;
import java.util.List;

/** {@value #NAME}: the newest jobs with their status, through {@link JobList}. */
final class JobListTool implements Tool {

    static final String NAME = AppTools.LIST_JOBS;

    private final JobList jobs;

    JobListTool(JobList jobs) {
        this.jobs = jobs;
    }

    @Override
    public ToolSpec spec() {
        ObjectNode properties = NODES.objectNode();
        properties.set("limit", Inputs.limitProperty());
        return new ToolSpec(NAME, "Lists the newest background jobs with their status and progress.",
                Inputs.schema(properties));
    }

    @Override
    public JsonNode call(JsonNode input) {
        List<JobList.Job> newest = jobs.newest(Inputs.limit(input));
        ObjectNode output = NODES.objectNode().put("found", newest.size());
        ArrayNode items = output.putArray("jobs");
        for (JobList.Job job : newest) {
            items.addObject()
                    .put("id", job.id())
                    .put("name", job.name())
                    .put("status", job.status())
                    .put("progress_percent", job.progress())
                    .put("updated_at", job.updatedAt().toString());
        }
        return output;
    }
}
