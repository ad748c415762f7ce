package dev.herald.app.agent.provider;

import static dev.herald.app.agent.tools.AppTools.CURRENT_TIME;
import static dev.herald.app.agent.tools.AppTools.LIST_JOBS;
import static dev.herald.app.agent.tools.AppTools.RECENT_LOGS;
import static dev.herald.app.agent.tools.AppTools.SEARCH_CHAT_MESSAGES;
import static dev.herald.app.agent.tools.AppTools.SEARCH_NOTIFICATIONS;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.app.agent.loop.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline agent's rules: which tools a question calls for, by its words. A quoted phrase
 * ("deploy" or “deploy”) is what searches look for.
 *
 * @param calls   the tool calls to make, in a fixed order
 * @param missing what the question asks about that no tool of this app covers (such as "chat messages")
 */
record OfflinePlan(List<ToolCall> calls, List<String> missing) {

    /** Each tool, the words that call for it, and what it covers (for "I have no tool for …"). */
    private record Rule(String tool, String covers, List<String> words) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(SEARCH_NOTIFICATIONS, "notifications", List.of("notification", "notif", "unread", "inbox", "alert")),
            new Rule(SEARCH_CHAT_MESSAGES, "chat messages", List.of("chat", "message")),
            new Rule(LIST_JOBS, "jobs", List.of("job", "upload", "progress")),
            new Rule(RECENT_LOGS, "log lines", List.of("log", "error", "warn", "exception")),
            new Rule(CURRENT_TIME, "the time", List.of("time", "date", "clock", "today", "what day")));
    private static final Set<String> EVERYTHING = Set.of("overview", "summary", "summarize", "everything", "status");
    /** Double quotes only: an apostrophe ("what's") is not a quote. */
    private static final Pattern QUOTED = Pattern.compile("[\"“”«»]([^\"“”«»]+)[\"“”«»]");
    /** Tools whose input takes the quoted phrase. */
    private static final Set<String> SEARCHES = Set.of(SEARCH_NOTIFICATIONS, SEARCH_CHAT_MESSAGES);

    OfflinePlan {
        calls = List.copyOf(calls);
        missing = List.copyOf(missing);
    }

    /** The plan for {@code question}, given the names of the tools this app has. */
    static OfflinePlan of(String question, Set<String> available) {
        String words = question.toLowerCase(Locale.ROOT);
        boolean everything = EVERYTHING.stream().anyMatch(words::contains);
        String query = quoted(question);
        List<ToolCall> calls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Rule rule : RULES) {
            boolean asked = rule.words().stream().anyMatch(words::contains);
            if (!asked && !(everything && available.contains(rule.tool()))) {
                continue;
            }
            if (!available.contains(rule.tool())) {
                missing.add(rule.covers());
                continue;
            }
            ObjectNode input = JsonNodeFactory.instance.objectNode();
            if (SEARCHES.contains(rule.tool()) && !query.isEmpty()) {
                input.put("query", query);
            }
            calls.add(new ToolCall("offline-" + (calls.size() + 1), rule.tool(), input.toString()));
        }
        return new OfflinePlan(calls, missing);
    }

    /** What a tool covers, such as "notifications": for the text that says what the agent looks at. */
    static String covers(String tool) {
        return RULES.stream().filter(r -> r.tool().equals(tool)).map(Rule::covers).findFirst().orElse(tool);
    }

    private static String quoted(String question) {
        Matcher m = QUOTED.matcher(question);
        return m.find() ? m.group(1).strip() : "";
    }
}
