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

    String index(String agent, List<AgentRun> runs, PageStream stream, int unread) {
        return jte.render("agent/index.jte", Map.of("agent", agent, "runs", runs,
                "layout", new Layout("Agent", SECTION, stream, unread)));
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
