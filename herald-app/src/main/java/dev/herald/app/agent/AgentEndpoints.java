package dev.herald.app.agent;

import dev.herald.app.agent.loop.Agent;
import dev.herald.app.db.Database;
import dev.herald.app.notifications.NotificationService;
import dev.herald.app.notifications.Unread;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.Forms;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.htmx.Contract;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The agent over HTTP: {@code GET /agent} (ask, and the runs), {@code POST /agent/runs} (the prompt,
 * in the body: never in a URL), {@code GET /agent/runs/{id}} (a run, live while it runs) and
 * {@code POST /agent/runs/{id}/cancel}.
 */
public final class AgentEndpoints {

    /** Characters a prompt may have (code points). */
    static final int MAX_PROMPT_LENGTH = 4000;

    private final AgentRunService service;
    private final AgentViews views;
    private final Hub hub;
    private final Htmx htmx;
    private final NotificationService notifications;

    private AgentEndpoints(AgentRunService service, AgentViews views, Hub hub, Htmx htmx, NotificationService notifications) {
        this.service = service;
        this.views = views;
        this.hub = hub;
        this.htmx = htmx;
        this.notifications = notifications;
    }

    /**
     * The feature: runs stored in {@code database}, streamed through {@code htmx}, answered by
     * {@code agent}; {@code notifications} gives the navigation's unread count.
     */
    public static AgentEndpoints create(Database database, Hub hub, Htmx htmx, JteRenderer templates, Agent agent,
                                        Clock clock, NotificationService notifications) {
        AgentViews views = new AgentViews(templates);
        return new AgentEndpoints(new AgentRunService(new AgentRunRepository(database), views, htmx, hub, agent, clock),
                views, hub, htmx, notifications);
    }

    /** The gap re-render of run topics, for the server's snapshot sources. */
    public SnapshotSource snapshots() {
        return service.snapshots();
    }

    public Router.Builder routes(Router.Builder router) {
        return router
                .get("/agent", this::index)
                .post("/agent/runs", this::start)
                .get("/agent/runs/{id}", this::run)
                .post("/agent/runs/{id}/cancel", this::cancel);
    }

    private void index(Request request, Response response, Callback callback) {
        // The position first, then the count (see Unread); the runs list is not live.
        PageStream stream = htmx.page(Dialects.of(request, htmx), hub.position(), List.of(Unread.TOPIC), List.of(Unread.CONTRACT));
        Responses.html(response, callback, HttpStatus.OK_200,
                views.index(service.agentLabel(), service.newest(), stream, notifications.unreadCount()));
    }

    /** 303 to the new run's page; 400 with the reason for an empty or too long prompt. */
    private void start(Request request, Response response, Callback callback) {
        String prompt = Optional.ofNullable(Forms.read(request).getValue("prompt")).orElse("").strip();
        int length = prompt.codePointCount(0, prompt.length());
        if (prompt.isEmpty() || length > MAX_PROMPT_LENGTH) {
            Responses.text(response, callback, HttpStatus.BAD_REQUEST_400, prompt.isEmpty()
                    ? "A prompt is required."
                    : "The prompt has " + length + " characters; at most " + MAX_PROMPT_LENGTH + " are allowed.");
            return;
        }
        AgentRun run = service.start(prompt);
        response.getHeaders().put(HttpHeader.LOCATION, run.url());
        Responses.empty(response, callback, HttpStatus.SEE_OTHER_303);
    }

    private void run(Request request, Response response, Callback callback) {
        Optional<Long> id = runId(request);
        Optional<RunPage> page = id.flatMap(service::page);
        if (page.isEmpty()) {
            Responses.text(response, callback, HttpStatus.NOT_FOUND_404, "No agent run "
                    + id.map(String::valueOf).orElse("(the id must be a number: /agent/runs/1)"));
            return;
        }
        RunView view = page.get().view();
        // A live page listens to the run's topic from the position the run was read at; every page to the unread count.
        List<String> topics = view.run().live() ? List.of(view.run().topic(), Unread.TOPIC) : List.of(Unread.TOPIC);
        List<Contract> contracts = new ArrayList<>(view.run().live() ? AgentContracts.ALL : List.of());
        contracts.add(Unread.CONTRACT);
        PageStream stream = htmx.page(Dialects.of(request, htmx), page.get().position(), topics, contracts);
        Responses.html(response, callback, HttpStatus.OK_200, views.page(view, stream, notifications.unreadCount()));
    }

    /** 204 when the run was running and is being stopped; 409 when it was not running. */
    private void cancel(Request request, Response response, Callback callback) {
        Optional<Long> id = runId(request);
        if (id.isPresent() && service.cancel(id.get())) {
            Responses.empty(response, callback, HttpStatus.NO_CONTENT_204);
        } else {
            Responses.text(response, callback, HttpStatus.CONFLICT_409, "Agent run " + id.map(String::valueOf).orElse("(no id)")
                    + " is not running.");
        }
    }

    private static Optional<Long> runId(Request request) {
        try {
            return Optional.of(Long.parseLong(Router.parameter(request)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
