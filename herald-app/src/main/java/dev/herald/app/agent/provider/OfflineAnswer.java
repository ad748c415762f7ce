package dev.herald.app.agent.provider;

import static dev.herald.app.agent.tools.AppTools.CURRENT_TIME;
import static dev.herald.app.agent.tools.AppTools.LIST_JOBS;
import static dev.herald.app.agent.tools.AppTools.RECENT_LOGS;
import static dev.herald.app.agent.tools.AppTools.SEARCH_CHAT_MESSAGES;
import static dev.herald.app.agent.tools.AppTools.SEARCH_NOTIFICATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.agent.loop.ToolCall;
import dev.herald.app.agent.loop.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The offline agent's answer: a fixed wording per tool, filled from the tools' real outputs. It
 * states facts the tools returned and nothing else.
 */
final class OfflineAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAGRAPH = "\n\n";

    private OfflineAnswer() {
    }

    static String help(List<String> tools) {
        return "I am the offline agent: I follow fixed rules over this app's data, I am not a language model. "
                + "Ask me about " + inWords(tools.stream().map(OfflinePlan::covers).toList())
                + ". Put a word in double quotes to search for it, as in: notifications about \"deploy\".";
    }

    static String lookingAt(List<ToolCall> calls) {
        return "Looking at " + inWords(calls.stream().map(c -> OfflinePlan.covers(c.name())).toList()) + ".";
    }

    /** "a", "a and b", "a, b and c". */
    private static String inWords(List<String> items) {
        return items.size() < 2 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    static String missing(List<String> topics) {
        return "This app has no tool for " + String.join(" or ", topics) + " yet, so I cannot look at "
                + (topics.size() == 1 ? "it" : "them") + ".";
    }

    /** One paragraph per result, in the calls' order, then what could not be looked at. */
    static String compose(List<ToolCall> calls, List<ToolResult> results, List<String> missing) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            paragraphs.add(paragraph(calls.get(i), results.get(i)));
        }
        if (!missing.isEmpty()) {
            paragraphs.add(missing(missing));
        }
        return String.join(PARAGRAPH, paragraphs);
    }

    private static String paragraph(ToolCall call, ToolResult result) {
        if (result.error()) {
            return "The tool " + call.name() + " failed: " + result.output();
        }
        JsonNode out;
        try {
            out = JSON.readTree(result.output());
        } catch (JsonProcessingException e) {
            return call.name() + " answered: " + result.output();
        }
        return switch (call.name()) {
            case SEARCH_NOTIFICATIONS -> notifications(out);
            case SEARCH_CHAT_MESSAGES -> list(out, "messages", "chat messages",
                    m -> m.path("room").asText() + " · " + m.path("author").asText() + ": " + m.path("text").asText());
            case LIST_JOBS -> list(out, "jobs", "jobs", j -> "#" + j.path("id").asText() + " " + j.path("name").asText()
                    + ": " + j.path("status").asText() + " (" + j.path("progress_percent").asText() + "%)");
            case RECENT_LOGS -> list(out, "lines", "log lines at " + out.path("minimum_level").asText() + " or above",
                    l -> l.path("at").asText() + " " + l.path("level").asText() + " " + l.path("logger").asText()
                            + ": " + l.path("message").asText());
            case CURRENT_TIME -> "It is " + out.path("day_of_week").asText() + ", " + out.path("local").asText()
                    + " (" + out.path("time_zone").asText() + ").";
            default -> call.name() + " answered: " + result.output();
        };
    }

    private static String notifications(JsonNode out) {
        String query = out.path("query").asText();
        int found = out.path("found").asInt();
        String head = query.isEmpty()
                ? (found == 0 ? "There are no notifications." : "The " + found + " newest notifications:")
                : (found == 0 ? "No notification mentions \"" + query + "\"."
                        : found + (found == 1 ? " notification mentions \"" : " notifications mention \"") + query + "\":");
        StringBuilder text = new StringBuilder(head);
        for (JsonNode n : out.path("notifications")) {
            text.append("\n- ").append(n.path("title").asText())
                    .append(" (").append(n.path("created_at").asText())
                    .append(n.path("read").asBoolean() ? ", read)" : ", unread)");
        }
        return text.append("\n").append(out.path("unread_in_app").asInt()).append(" unread in all.").toString();
    }

    private static String list(JsonNode out, String field, String what, Function<JsonNode, String> line) {
        JsonNode items = out.path(field);
        if (items.isEmpty()) {
            return "There are no " + what + ".";
        }
        StringBuilder text = new StringBuilder(items.size() + " " + what + ":");
        items.forEach(item -> text.append("\n- ").append(line.apply(item)));
        return text.toString();
    }
}
