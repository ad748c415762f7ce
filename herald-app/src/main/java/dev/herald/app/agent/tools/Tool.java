package dev.herald.app.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.app.agent.loop.ToolSpec;

/** One tool over the app's data. Implementations are thread-safe. */
public interface Tool {

    /** Its name, description and input schema, as the model is told. */
    ToolSpec spec();

    /**
     * Answers a call.
     *
     * @param input the model's arguments, a JSON object (possibly missing optional fields)
     * @return the output, a JSON value read from the app's data, never made up
     * @throws IllegalArgumentException when {@code input} is not what {@link #spec()} asks for; the
     *                                  message says which field and why, for the model to correct
     */
    JsonNode call(JsonNode input);
}
