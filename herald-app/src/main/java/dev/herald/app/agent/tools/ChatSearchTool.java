package dev.herald.app.agent.tools;

import static dev.herald.app.agent.tools.Inputs.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.app.agent.loop.ToolSpec;
import java.util.List;

/** {@value #NAME}: chat messages containing a text, through {@link ChatSearch}. */
final class ChatSearchTool implements Tool {

    static final String NAME = AppTools.SEARCH_CHAT_MESSAGES;

    private final ChatSearch chat;

    ChatSearchTool(ChatSearch chat) {
        this.chat = chat;
    }

    @Override
    public ToolSpec spec() {
        ObjectNode properties = NODES.objectNode();
        properties.set("query", Inputs.property("string", "Text to find in messages; empty or absent for the newest."));
        properties.set("limit", Inputs.limitProperty());
        return new ToolSpec(NAME, "Searches the chat rooms' messages, newest first.", Inputs.schema(properties));
    }

    @Override
    public JsonNode call(JsonNode input) {
        String query = Inputs.text(input, "query");
        List<ChatSearch.Hit> hits = chat.search(query, Inputs.limit(input));
        ObjectNode output = NODES.objectNode().put("query", query).put("found", hits.size());
        ArrayNode messages = output.putArray("messages");
        for (ChatSearch.Hit hit : hits) {
            messages.addObject()
                    .put("room", hit.room())
                    .put("author", hit.author())
                    .put("text", hit.text())
                    .put("sent_at", hit.sentAt().toString());
        }
        return output;
    }
}
