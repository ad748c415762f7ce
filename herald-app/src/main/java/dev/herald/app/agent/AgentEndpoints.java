package dev.herald.app.agent;

import dev.herald.app.agent.loop.Agent;
import dev.herald.app.db.Database;
import dev.herald.app.node.Node;
import dev.herald.app.notifications.NotificationService;
import dev.herald.app.notifications.Unread;
import dev.herald.app.web.Dialects;
import dev.herald.app.web.Forms;
import dev.herald.app.web.NotFoundException;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.htmx.Contract;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The agent over HTTP: {@code GET /agent} (ask, and the runs), {@code POST /agent/runs} (the prompt,
 * in the body: never in a URL; answered with the run's event stream itself when the request
 * accepts one, as htmx 4's does), {@code GET /agent/runs/{id}} (a run, live while it runs) and
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
    public static AgentEndpoints create(Database database, Node node, Hub hub, Htmx htmx, JteRenderer templates, Agent agent,
                                        Clock clock, NotificationService notifications) {
        AgentViews views = new AgentViews(templates);
        return new AgentEndpoints(new AgentRunService(database.section(AgentRunService.SECTION), node,
                database.shared() ? Duration.ZERO : AgentRunService.STORE_EVERY, new AgentRunRepository(database), views, htmx, hub,
                agent, clock),
                views, hub, htmx, notifications);
    }

    /** What the node has the runs do: fail those of gone nodes, cancel those other nodes were asked to. */
    public Node.Watcher watcher() {
        return service;
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
        Responses.html(response, callback, HttpStatus.OK_200, views.index(service.agentLabel(), RequestKey.generate(),
                service.newest(), stream, notifications.unreadCount()));
    }

    /**
     * Starts a run, or finds the one the request key started. A request that accepts
     * {@code text/event-stream} (htmx 4's) is answered with the run's stream itself; any other
     * with 303 to the run's page. 400 with the reason for an empty or too long prompt or a bad
     * key; 409 for a key that started a run with another prompt.
     */
    private void start(Request request, Response response, Callback callback) {
        Fields form = Forms.read(request);
        String prompt = Optional.ofNullable(form.getValue("prompt")).orElse("").strip();
        String key = form.getValue(RequestKey.FIELD);
        String problem = problem(prompt, key);
        if (problem != null) {
            Responses.text(response, callback, HttpStatus.BAD_REQUEST_400, problem);
            return;
        }
        AgentRunService.Started started;
        try {
            started = service.start(prompt, key);
        } catch (RequestKeyTakenException e) {
            Responses.text(response, callback, HttpStatus.CONFLICT_409, e.getMessage());
            return;
        }
        if (acceptsEventStream(request)) {
            RunStream.respond(request, response, callback, service.page(started.run().id()).orElseThrow(), started.created(),
                    htmx, views);
        } else {
            response.getHeaders().put(HttpHeader.LOCATION, started.run().url());
            Responses.empty(response, callback, HttpStatus.SEE_OTHER_303);
        }
    }

    /** Why the form is refused, or {@code null}; a missing key is allowed (a client that never retries). */
    private static String problem(String prompt, String key) {
        int length = prompt.codePointCount(0, prompt.length());
        if (prompt.isEmpty()) {
            return "A prompt is required.";
        }
        if (length > MAX_PROMPT_LENGTH) {
            return "The prompt has " + length + " characters; at most " + MAX_PROMPT_LENGTH + " are allowed.";
        }
        return key == null ? null : RequestKey.problem(key);
    }

    private static boolean acceptsEventStream(Request request) {
        return request.getHeaders().getValuesList(HttpHeader.ACCEPT).stream()
                .anyMatch(accept -> accept.contains(RunStream.EVENT_STREAM));
    }

    private void run(Request request, Response response, Callback callback) {
        Optional<Long> id = runId(request);
        Optional<RunPage> page = id.flatMap(service::page);
        if (page.isEmpty()) {
            throw new NotFoundException("No agent run " + id.map(String::valueOf).orElse("(the id must be a number: /agent/runs/1)"));
        }
        RunView view = page.get().view();
        // A live page listens to the run's topic from the position the run was read at; every page to the unread count.
        List<String> topics = view.run().live() ? List.of(view.run().topic(), Unread.TOPIC) : List.of(Unread.TOPIC);
        List<Contract> contracts = new ArrayList<>(view.run().live() ? AgentContracts.ALL : List.of());
        contracts.add(Unread.CONTRACT);
        PageStream stream = htmx.page(Dialects.of(request, htmx), page.get().position(), topics, contracts);
        if (view.run().live()) {
            stream.closeOn(AgentContracts.DONE);
        }
        Responses.html(response, callback, HttpStatus.OK_200, views.page(view, stream, notifications.unreadCount()));
    }

    /** 204 when the run was running and is being stopped; 409 when it has ended; 404 when there is no such run (as for jobs). */
    private void cancel(Request request, Response response, Callback callback) {
        Optional<Long> id = runId(request);
        if (id.isPresent() && service.cancel(id.get())) {
            Responses.empty(response, callback, HttpStatus.NO_CONTENT_204);
        } else if (id.isEmpty() || !service.exists(id.get())) {
            throw new NotFoundException("No agent run " + id.map(String::valueOf).orElse("(the id must be a number: /agent/runs/1)."));
        } else {
            Responses.text(response, callback, HttpStatus.CONFLICT_409, "Agent run " + id.get() + " has already ended.");
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
