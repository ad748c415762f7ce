package dev.herald.app.agent.tools;

import static dev.herald.app.agent.tools.Inputs.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.app.agent.loop.ToolSpec;
import dev.herald.app.notifications.Notification;
import dev.herald.app.notifications.NotificationRepository;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@value #NAME}: notifications whose title or body contains a text, from the database. */
final class NotificationSearchTool implements Tool {

    static final String NAME = AppTools.SEARCH_NOTIFICATIONS;

    private final NotificationRepository notifications;

    NotificationSearchTool(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public ToolSpec spec() {
        ObjectNode properties = NODES.objectNode();
        properties.set("query", Inputs.property("string",
                "Text to find in titles and bodies, ignoring case; empty or absent for the newest notifications."));
        properties.set("limit", Inputs.limitProperty());
        return new ToolSpec(NAME, "Searches the app's notifications, newest first, and counts the unread ones.",
                Inputs.schema(properties));
    }

    @Override
    public JsonNode call(JsonNode input) {
        String query = Inputs.text(input, "query");
        List<Notification> found = notifications.search(query, Inputs.limit(input));
        ObjectNode output = NODES.objectNode();
        output.put("query", query);
        output.put("unread_in_app", notifications.countUnread());
        output.put("found", found.size());
        ArrayNode items = output.putArray("notifications");
        for (Notification n : found) {
            items.addObject()
                    .put("id", n.id())
                    .put("title", n.title())
                    .put("body", n.body())
                    .put("created_at", n.createdAt().truncatedTo(ChronoUnit.SECONDS).toString())
                    .put("read", n.readAt() != null);
        }
        return output;
    }
}
