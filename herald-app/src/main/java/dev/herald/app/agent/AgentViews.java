package dev.herald.app.agent;

import dev.herald.app.web.Layout;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.htmx.Swap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The agent templates ({@code src/main/jte/agent/}), rendered to strings and fragments. */
final class AgentViews {

    /** The navigation entry of the agent's pages ({@code layout.jte}). */
    private static final String SECTION = "agent";

    private final JteRenderer jte;

    AgentViews(JteRenderer jte) {
        this.jte = jte;
    }

    String index(String agent, String requestKey, List<AgentRun> runs, PageStream stream, int unread) {
        return jte.render("agent/index.jte", Map.of("agent", agent, "key", requestKey, "runs", runs,
                "layout", new Layout("Agent", SECTION, stream, unread)));
    }

    /** The live run as a POST's event stream begins with it (htmx 4): {@code stream} is a response stream. */
    String liveRun(RunView view, PageStream stream) {
        return jte.render("agent/live-run.jte", Map.of("view", view, "stream", stream));
    }

    /** A run that is over, as a POST's event stream shows it in place of the live run. */
    String endedRun(RunView view) {
        Map<String, Object> params = new HashMap<>();
        params.put("view", view);
        params.put("stream", null); // static: no region
        return jte.render("agent/live-run.jte", params);
    }

    /** The ask form's fields, emptied, with a new request key: out of band, once a run has started. */
    String freshAskFields() {
        return Fragment.of(jte.render("agent/ask-fields.jte", RequestKey.generate()), "ask-fields", Swap.OUTER_HTML).oob();
    }

    String page(RunView view, PageStream stream, int unread) {
        return jte.render("agent/run.jte", Map.of("view", view,
                "layout", new Layout("Run " + view.run().id() + " · Agent", SECTION, stream, unread)));
    }

    /** One piece of streamed text, as it is appended to the answer. */
    String chunk(String text) {
        return jte.render("agent/chunk.jte", text);
    }

    /** A tool call's card, appended to the answer. */
    Fragment toolCard(ToolCallRecord call) {
        return jte.fragment("agent/tool-card.jte", call, AgentContracts.CHUNK.target(), Swap.BEFORE_END);
    }

    /** A tool's output, into its card. */
    Fragment toolResult(ToolCallRecord call) {
        return jte.fragment("agent/tool-result.jte", call, call.resultDomId(), Swap.INNER_HTML);
    }

    Fragment error(String message) {
        return jte.fragment("agent/error.jte", message, AgentContracts.ERROR_TARGET, Swap.INNER_HTML);
    }

    /** The answer region's content, for a gap re-render of a live run. */
    Fragment output(RunView view) {
        return jte.fragment("agent/segments.jte", view, AgentContracts.CHUNK.target(), Swap.INNER_HTML);
    }

    /** The whole run as its static page shows it, replacing {@code #run}. */
    Fragment staticRun(RunView view) {
        Map<String, Object> params = new HashMap<>();
        params.put("view", view);
        params.put("stream", null); // static: no region
        return Fragment.of(jte.render("agent/run-body.jte", params), AgentContracts.RUN_TARGET, Swap.OUTER_HTML);
    }
}
