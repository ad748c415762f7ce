package dev.herald.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.app.agent.loop.Agent;
import dev.herald.app.agent.loop.AgentException;
import dev.herald.app.agent.loop.ModelClient;
import dev.herald.app.agent.loop.Turn;
import dev.herald.app.agent.loop.Usage;
import dev.herald.app.agent.provider.ProviderSettings;
import dev.herald.app.agent.provider.Providers;
import dev.herald.app.agent.tools.AppTools;
import dev.herald.app.db.Database;
import dev.herald.app.node.Node;
import dev.herald.app.notifications.NotificationDraft;
import dev.herald.app.notifications.NotificationRepository;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.hub.Hub;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.sse.SseEvent;
import dev.herald.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRunServiceTest {

    private static final Pattern TEXT_SPAN = Pattern.compile("<span>([^<]*)</span>");

    @TempDir
    Path dataDir;
    private Database database;
    private Hub hub;
    private NotificationRepository notifications;

    @BeforeEach
    void open() {
        database = Database.sqlite(dataDir);
        hub = Hub.builder().build();
        notifications = new NotificationRepository(database);
    }

    @AfterEach
    void close() {
        hub.close();
        database.close();
    }

    @Test
    void theOfflineAgentAnswersFromNotificationsThroughAToolCallAndEveryStepIsStoredAndPublished() {
        Instant deployedAt = Instant.parse("2026-05-04T10:11:12.345Z");
        notifications.insert(new NotificationDraft("Deploy finished", "v2 is live"), deployedAt);
        notifications.insert(new NotificationDraft("Backup done", ""), Instant.now());
        AgentRunService service = service(offline(Duration.ZERO));
        Watch watch = Watch.all(hub);

        AgentRun run = service.start("Which notifications mention \"deploy\"?", null).run();
        Await.until("the done event", () -> watch.types().contains("done"));
        AgentRun done = repository().find(run.id()).orElseThrow();

        assertThat(done.status()).isEqualTo(RunStatus.DONE);
        assertThat(done.agent()).isEqualTo("offline agent (no language model)");
        assertThat(done.answer()).isEqualTo("Looking at notifications.1 notification mentions \"deploy\":\n"
                + "- Deploy finished (2026-05-04T10:11:12Z, unread)\n2 unread in all.");
        List<ToolCallRecord> calls = repository().toolCalls(run.id());
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("search_notifications");
            assertThat(call.input()).isEqualTo("{\"query\":\"deploy\"}");
            assertThat(call.answerOffset()).isEqualTo("Looking at notifications.".length());
            assertThat(call.result()).contains("\"title\" : \"Deploy finished\"").doesNotContain("Backup");
            assertThat(call.error()).isFalse();
        });
        List<String> types = watch.types();
        assertThat(types.getFirst()).isEqualTo("chunk");
        assertThat(types.subList(types.indexOf("tool"), types.indexOf("tool") + 2)).containsExactly("tool", "tool_result");
        assertThat(types.getLast()).isEqualTo("done");
        assertThat(watch.texts()).isEqualTo(done.answer());
        assertThat(watch.data("tool_result")).contains("hx-swap-oob=\"innerHTML:#tool-" + run.id() + "-1-result\"");
        assertThat(watch.data("done")).startsWith("<div hx-swap-oob=\"outerHTML:#run\" id=\"run\"").contains("banner-done");
    }

    @Test
    void aPageOpenedAtAnyMomentOfARunPlusTheEventsAfterItsPositionIsTheWholeAnswerExactlyOnce() {
        notifications.insert(new NotificationDraft("One", "first"), Instant.now());
        AgentRunService service = service(offline(Duration.ofMillis(3)));
        AgentRun run = service.start("Give me an overview of the notifications and the time", null).run();
        List<Watch> pages = new ArrayList<>();
        while (repository().find(run.id()).orElseThrow().live()) {
            pages.add(Watch.page(hub, service.page(run.id()).orElseThrow()));
            sleep(Duration.ofMillis(7));
        }
        AgentRun done = repository().find(run.id()).orElseThrow();

        assertThat(pages).hasSizeGreaterThan(3);
        for (Watch page : pages) {
            Await.until("the page's stream reaches done", () -> page.types().contains("done"));
            assertThat(page.history + page.texts()).isEqualTo(done.answer());
        }
    }

    @Test
    void cancellingARunningRunStopsItAsCancelled() {
        AgentRunService service = service(offline(Duration.ofMillis(200)));
        Watch watch = Watch.all(hub);
        AgentRun run = service.start("What time is it?", null).run();
        Await.until("the first word", () -> watch.types().contains("chunk"));

        assertThat(service.cancel(run.id())).isTrue();

        Await.until("the done event", () -> watch.types().contains("done"));
        AgentRun cancelled = repository().find(run.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.error()).isNull();
        assertThat(cancelled.answer()).isNotEmpty().isEqualTo(watch.texts());
        assertThat(watch.types().getLast()).isEqualTo("done");
        assertThat(service.cancel(run.id())).isFalse();
    }

    @Test
    void aProviderFailureIsStoredAndPublishedAsAnErrorThenDone() {
        ModelClient failing = new ModelClient() {
            @Override
            public String label() {
                return "failing model";
            }

            @Override
            public Turn stream(List<dev.herald.app.agent.loop.Message> conversation, List<dev.herald.app.agent.loop.ToolSpec> tools,
                               java.util.function.Consumer<String> onText, dev.herald.app.agent.loop.Cancellation cancellation) {
                onText.accept("Partial <answer>");
                throw new AgentException(AgentException.Kind.OVERLOADED, "The provider is overloaded <now>.");
            }
        };
        AgentRunService service = service(failing);
        Watch watch = Watch.all(hub);

        AgentRun started = service.start("hi", null).run();
        Await.until("the done event", () -> watch.types().contains("done"));
        AgentRun failed = repository().find(started.id()).orElseThrow();

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).isEqualTo("The provider is overloaded <now>.");
        assertThat(failed.answer()).isEqualTo("Partial <answer>");
        assertThat(watch.types()).containsExactly("chunk", "error", "done");
        assertThat(watch.data("chunk")).isEqualTo("<span>Partial &lt;answer&gt;</span>");
        assertThat(watch.data("error")).contains("The provider is overloaded &lt;now&gt;.");
    }

    @Test
    void aRequestKeyStartsOneRunAndOnlyForItsOwnPrompt() {
        AgentRunService service = service(offline(Duration.ZERO));

        AgentRunService.Started first = service.start("What time is it?", "key-key-key-key-1");
        AgentRunService.Started again = service.start("What time is it?", "key-key-key-key-1");
        AgentRunService.Started unkeyed = service.start("What time is it?", null);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.run().id()).isEqualTo(first.run().id());
        assertThat(unkeyed.created()).isTrue();
        assertThat(unkeyed.run().id()).isNotEqualTo(first.run().id());
        assertThatThrownBy(() -> service.start("Something else", "key-key-key-key-1"))
                .isInstanceOf(RequestKeyTakenException.class)
                .hasMessageStartingWith("The request key key-key-key-key-1 already started run " + first.run().id());
    }

    @Test
    void theGapReRenderOfAFinishedRunIsItsDoneEventSoThatAStreamClosingOnItCloses() {
        AgentRunService service = service(offline(Duration.ZERO));
        Watch watch = Watch.all(hub);
        AgentRun run = service.start("What time is it?", null).run();
        Await.until("the done event", () -> watch.types().contains("done"));

        SseEvent.Message snapshot = service.snapshots().snapshot(run.topic()).orElseThrow().events().getFirst();

        assertThat(snapshot.type()).isEqualTo("done");
        assertThat(snapshot.data()).contains("hx-swap-oob=\"outerHTML:#run\"", "banner-done");
    }

    @Test
    void runsAGoneNodeLeftRunningAreMarkedFailedAndTheirPagesToldSo() {
        AgentRun abandoned = repository().create("gone-node", "left behind", "x", null, Instant.now());
        AgentRunService service = service(offline(Duration.ZERO));
        Watch watch = Watch.all(hub);

        service.orphaned();

        assertThat(abandoned.topic()).isEqualTo("agent/run/1");
        Await.until("the error, then the done event", () -> watch.types().equals(List.of("error", "done")));
        AgentRun after = repository().find(abandoned.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RunStatus.FAILED);
        assertThat(after.error()).isEqualTo("The server stopped while this run was running.");
    }

    private AgentRunService service(ModelClient model) {
        Agent agent = Agent.create(model, AppTools.create(notifications, Clock.systemUTC(),
                Optional.empty(), Optional.empty(), Optional.empty()), Agent.DEFAULT_MAX_TURNS);
        return new AgentRunService(database.section(AgentRunService.SECTION),
                Node.join(database, Clock.systemUTC(), Duration.ofSeconds(10)), AgentRunService.STORE_EVERY, repository(),
                new AgentViews(JteRenderer.precompiled()), Htmx.builder(hub).build(), hub, agent, Clock.systemUTC());
    }

    private static ModelClient offline(Duration delay) {
        return Providers.create(ProviderSettings.offline(delay));
    }

    private AgentRunRepository repository() {
        return new AgentRunRepository(database);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A subscriber of every run topic it is told of, from a position, with a page's history. */
    private static final class Watch implements Subscriber {
        final List<SseEvent.Message> events = new CopyOnWriteArrayList<>();
        final String history;

        private Watch(String history) {
            this.history = history;
        }

        /** Every event of runs 1-9, from now. */
        static Watch all(Hub hub) {
            Watch watch = new Watch("");
            hub.subscribe(List.of("agent/run/1", "agent/run/2", "agent/run/3"), null, watch);
            return watch;
        }

        /** The text a page shows, and its stream from the position it was read at (a static page has none). */
        static Watch page(Hub hub, RunPage page) {
            Watch watch = new Watch(page.view().run().answer());
            if (page.view().run().live()) {
                hub.subscribe(List.of(page.view().run().topic()), page.position(), watch);
            } else {
                watch.events.add(SseEvent.message("done", "static page"));
            }
            return watch;
        }

        List<String> types() {
            return events.stream().map(SseEvent.Message::type).toList();
        }

        String data(String type) {
            return events.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow().data();
        }

        String texts() {
            StringBuilder text = new StringBuilder();
            events.stream().filter(e -> e.type().equals("chunk")).forEach(e -> text.append(texts(e.data())));
            return text.toString();
        }

        private static String texts(String html) {
            StringBuilder text = new StringBuilder();
            Matcher m = TEXT_SPAN.matcher(html);
            while (m.find()) {
                text.append(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                        .replace("&#39;", "'").replace("&amp;", "&"));
            }
            return text.toString();
        }

        @Override
        public void onReplay(Replay replay) {
            if (replay instanceof Replay.Exact replayed) {
                replayed.events().forEach(this::onEvent);
            } else {
                throw new AssertionError("gap: " + replay);
            }
        }

        @Override
        public void onEvent(HubEvent event) {
            events.add(event.message());
        }

        @Override
        public void onShutdown(SseEvent.Message finalEvent) {
        }
    }
}
