package dev.herald.app.agent;

import dev.herald.app.agent.loop.Agent;
import dev.herald.app.agent.loop.AgentException;
import dev.herald.app.db.Section;
import dev.herald.app.node.Node;
import dev.herald.htmx.Contract;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.Rerender;
import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.SnapshotSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs on virtual threads, stores them as they stream and publishes every step to the
 * run's topic; renders run pages and gap re-renders.
 *
 * <p><b>No render/subscribe race</b> (DESIGN.md §8.8), as in notifications: each step changes the
 * run (in memory and in the database) and publishes its event in a write of the {@link Section}
 * {@value #SECTION}; a page reads the hub position, then the run, in a read of it. On one node the
 * text streamed but not yet stored is read from memory; on a database several nodes share, each
 * piece of text is stored as it is published, as a page may be read on another node. Either way a
 * page opened mid-run shows exactly what was published before its position, and the stream brings
 * exactly the rest.
 */
public final class AgentRunService implements Node.Watcher {

    private static final Logger log = LoggerFactory.getLogger(AgentRunService.class);
    /** Runs the index lists: a page never renders an unbounded history. */
    static final int LIST_LIMIT = 50;
    /** Streamed text is stored at most this often (and before every tool call and at the end). */
    static final Duration STORE_EVERY = Duration.ofMillis(250);
    /** The error of a run the server stopped under. */
    static final String STOPPED = "The server stopped while this run was running.";
    private static final Pattern RUN_TOPIC = Pattern.compile("agent/run/(\\d{1,18})");

    /** The name of the agent runs' {@link Section}. */
    static final String SECTION = "agent";

    private final Section section;
    private final Node node;
    private final Duration storeEvery;
    private final Map<Long, LiveRun> live = new ConcurrentHashMap<>();
    private final AgentRunRepository repository;
    private final AgentViews views;
    private final Htmx htmx;
    private final Hub hub;
    private final Agent agent;
    private final Clock clock;

    /**
     * @param storeEvery how often streamed text is stored: {@link #STORE_EVERY}, or zero (each piece
     *                   as it comes) when pages may be read on another node
     */
    AgentRunService(Section section, Node node, Duration storeEvery, AgentRunRepository repository, AgentViews views,
                    Htmx htmx, Hub hub, Agent agent, Clock clock) {
        this.section = section;
        this.node = node;
        this.storeEvery = storeEvery;
        this.repository = repository;
        this.views = views;
        this.htmx = htmx;
        this.hub = hub;
        this.agent = agent;
        this.clock = clock;
    }

    /** Who answers, as the pages say it. */
    public String agentLabel() {
        return agent.label();
    }

    /**
     * Stores a new run and starts it on its own virtual thread; returns at once. With a request
     * key, a request repeated with it (a double submit, a stream resumed) gets the run it started.
     *
     * @param requestKey {@link RequestKey} checked, or {@code null} for none
     * @throws RequestKeyTakenException when {@code requestKey} started a run with another prompt
     */
    Started start(String prompt, String requestKey) {
        Started started = section.write(() -> {
            Optional<AgentRun> earlier = requestKey == null ? Optional.empty() : repository.findByRequestKey(requestKey);
            if (earlier.isPresent()) {
                if (!earlier.get().prompt().equals(prompt)) {
                    throw new RequestKeyTakenException(requestKey, earlier.get().id());
                }
                return new Started(earlier.get(), false);
            }
            AgentRun created = repository.create(node.id(), prompt, agent.label(), requestKey, clock.instant());
            live.put(created.id(), new LiveRun(created));
            return new Started(created, true);
        });
        if (!started.created()) {
            return started;
        }
        AgentRun run = started.run();
        LiveRun state = live.get(run.id());
        log.info("Agent run {} started ({}, {} characters asked)", run.id(), agent.label(), prompt.length());
        Thread.ofVirtual().name("agent-run-" + run.id()).start(() -> execute(state, prompt));
        return started;
    }

    /**
     * What a start request got.
     *
     * @param created false when the request key had already started this run
     */
    record Started(AgentRun run, boolean created) {
    }

    /**
     * Cancels a running run: its provider stream is closed and it ends as cancelled — at once on this
     * node, at its next {@link #tick} on the node executing it (see {@link Node}).
     *
     * @return true if and only if the run was running
     */
    public boolean cancel(long runId) {
        LiveRun state = live.get(runId);
        if (state == null) {
            return repository.requestCancel(runId, node.id());
        }
        state.cancellation.cancel();
        return true;
    }

    /** Cancels the runs of this node that another node was asked to cancel. */
    @Override
    public void tick() {
        for (long runId : repository.cancelsAsked(node.id())) {
            LiveRun state = live.get(runId);
            if (state != null && !state.cancellation.isCancelled()) {
                log.info("Agent run {} cancelled from another node", runId);
                state.cancellation.cancel();
            }
        }
    }

    /** Fails the runs of nodes that are gone ({@value #STOPPED}) and tells their pages. */
    @Override
    public void orphaned() {
        if (!repository.hasOrphans()) {
            return;
        }
        write(() -> {
            for (long runId : repository.failOrphaned(STOPPED, clock.instant())) {
                log.warn("Agent run {} was left running by a server that stopped: marked failed", runId);
                repository.find(runId).ifPresent(run -> publishEnd(run.topic(), runId, STOPPED));
            }
        });
    }

    /** Whether a run with this id was ever started. */
    public boolean exists(long runId) {
        return repository.find(runId).isPresent();
    }

    /** The newest runs, newest first. */
    public List<AgentRun> newest() {
        return repository.newest(LIST_LIMIT);
    }

    /** The run as its page shows it now, with the hub position it was read at. */
    Optional<RunPage> page(long runId) {
        return section.read(() -> {
            String position = hub.position();
            return view(runId).map(view -> new RunPage(position, view));
        });
    }

    /**
     * Gap re-renders of run topics: the answer so far while running; after, the run's done event
     * itself (the static run), so that a stream closing on it closes.
     */
    public SnapshotSource snapshots() {
        return topic -> {
            Matcher m = RUN_TOPIC.matcher(topic);
            if (!m.matches()) {
                return Optional.empty();
            }
            return section.read(() -> {
                String position = hub.position();
                return view(Long.parseLong(m.group(1))).map(view -> view.run().live()
                        ? Rerender.snapshot(position, List.of(views.output(view)))
                        : new SnapshotSource.Snapshot(position,
                                List.of(AgentContracts.DONE.event(List.of(views.staticRun(view))).message())));
            });
        };
    }

    private void execute(LiveRun state, String prompt) {
        try {
            agent.run(prompt, new RunRecorder(this, state), state.cancellation);
            finish(state, RunStatus.DONE, null);
        } catch (AgentException e) {
            boolean cancelled = e.kind() == AgentException.Kind.CANCELLED;
            finish(state, cancelled ? RunStatus.CANCELLED : RunStatus.FAILED, cancelled ? null : e.getMessage());
        } catch (HubClosedException e) {
            finish(state, RunStatus.FAILED, STOPPED);
        } catch (RuntimeException e) {
            log.error("agent run {} failed", state.id, e);
            finish(state, RunStatus.FAILED, "The run failed inside the app: " + e.getMessage());
        }
    }

    /** Stores the end of the run, then tells its pages: the error if any, then the static run. */
    private void finish(LiveRun state, RunStatus status, String error) {
        Thread.interrupted(); // a cancel may have interrupted a provider's read late: the run is over
        log.info("Agent run {} ended: {}", state.id, status.name().toLowerCase(java.util.Locale.ROOT));
        write(() -> {
            storeText(state);
            repository.finish(state.id, status, error, clock.instant());
            live.remove(state.id);
            try {
                publishEnd(state.topic, state.id, error);
            } catch (HubClosedException e) {
                // the server is stopping: no page is listening any more, the database has the run
            }
        });
    }

    /** In a write: tells the run's pages it ended — the error if any, then the static run. */
    private void publishEnd(String topic, long runId, String error) {
        if (error != null) {
            htmx.publish(topic, AgentContracts.ERROR.event(List.of(views.error(error))));
        }
        view(runId).ifPresent(view -> htmx.publish(topic, AgentContracts.DONE.event(List.of(views.staticRun(view)))));
    }

    /** Runs {@code step} of a run in a write of the section: its changes and events are one. */
    void write(Runnable step) {
        section.write(step);
    }

    /** Publishes a piece of text; stores the text streamed so far when the last store is old enough. */
    void text(LiveRun state, String text) {
        write(() -> {
            state.text.append(text);
            htmx.publish(state.topic, AgentContracts.CHUNK.event(views.chunk(text)));
            if (!clock.instant().isBefore(state.storedAt.plus(storeEvery))) {
                storeText(state);
            }
        });
    }

    void storeText(LiveRun state) {
        String unstored = state.unstored();
        if (!unstored.isEmpty()) {
            repository.appendAnswer(state.id, unstored);
            state.stored = state.text.length();
        }
        state.storedAt = clock.instant();
    }

    AgentRunRepository repository() {
        return repository;
    }

    void publish(LiveRun state, Contract contract, Fragment fragment) {
        htmx.publish(state.topic, contract.event(List.of(fragment)));
    }

    AgentViews views() {
        return views;
    }

    /** In a read or write of the section: the stored run, with the text a live run has not stored yet. */
    private Optional<RunView> view(long runId) {
        return repository.find(runId).map(run -> {
            LiveRun state = live.get(runId);
            AgentRun current = state == null ? run : run.withAnswer(state.text.toString());
            return new RunView(current, repository.toolCalls(runId));
        });
    }
}
