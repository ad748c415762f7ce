package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.herald.app.LivePages.assertShowsExactly;
import static dev.herald.app.LivePages.receivedData;
import static dev.herald.app.LivePages.receivedIds;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitUntilState;
import dev.herald.testing.Await;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every tab live over plain HTTP/1.1: a browser's tabs of the app share one hub stream
 * ({@code herald-share.js}), in a SharedWorker or, where there is none, in a leader tab, in both
 * htmx dialects. Without sharing the seventh tab would not even load ({@link ManyTabsTest}).
 */
@ExtendWith(BrowserKit.class)
class SharedTabsTest {

    /** What a browser without SharedWorker (Chrome on Android) offers: the leader tab is elected. */
    private static final String NO_SHARED_WORKER = "delete window.SharedWorker";
    /** A page's opt-out of sharing, put in the head of every page of the app. */
    private static final String OPT_OUT = "<meta name=\"herald-share\" content=\"off\">";
    /** True in the tab that holds the leader's lock: it found its own client id by taking a lock of its own. */
    private static final String LEADS = """
            () => navigator.locks.request('probe-' + Math.random(), async probe => {
              const held = (await navigator.locks.query()).held;
              const me = held.find(lock => lock.name === probe.name).clientId;
              return held.some(lock => lock.name === 'herald-share-leader' && lock.clientId === me);
            })""";

    @TempDir
    Path dataDir;
    private TestApp app;
    private long room;

    /** Starts the app; the context's tabs share in {@code mode}: worker, leader, or not at all (nothing to share with, opted out). */
    private void start(BrowserContext context, String mode) {
        // A short heartbeat: a closed tab's stream is noticed soon.
        app = TestApp.start(dataDir, Map.of("HERALD_HEARTBEAT_SECONDS", "1"));
        room = app.createRoom("everyone");
        context.addCookies(List.of(new Cookie("herald-user", "alice").setUrl(app.uri("/").toString())));
        context.addInitScript(LivePages.RECORD_RECEIVED);
        switch (mode) {
            case "worker" -> { }
            case "leader" -> context.addInitScript(NO_SHARED_WORKER);
            case "nothing to share with" -> context.addInitScript(ManyTabsTest.NOTHING_TO_SHARE_WITH);
            case "opted out" -> context.route(url -> url.contains("htmx="), route -> { // the pages, not their streams
                APIResponse page = route.fetch();
                route.fulfill(new Route.FulfillOptions().setResponse(page).setBody(page.text().replace("<head>", "<head>" + OPT_OUT)));
            });
            default -> throw new IllegalArgumentException(mode);
        }
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, worker", "4, worker", "2, leader", "4, leader"})
    void tenTabsShareOneStreamAndAMessagePostedInOneAppearsInEachExactlyOnce(String htmx, String mode, BrowserContext context) {
        start(context, mode);
        List<Page> tabs = new ArrayList<>();
        for (String path : List.of("/chat/room?id=" + room, "/notifications", "/chat/room?id=" + room, "/jobs", "/dashboard",
                "/chat/room?id=" + room, "/agent", "/notifications", "/", "/chat/room?id=" + room)) {
            tabs.add(open(context, path, htmx));
        }
        Assertions.assertThat(tabs.getLast().evaluate("() => HeraldShare.mode")).isEqualTo(mode);
        Await.until("the ten tabs share one stream", () -> app.app().server().stats().openStreams() == 1);

        send(tabs.getFirst(), "hello, every tab");
        postNotification(tabs.get(1), "to every tab");

        for (Page tab : tabs) {
            assertThat(tab.locator("#unread-count")).hasText("1");
            if (tab.url().contains("/chat/room")) {
                assertShowsExactly(tab, 1);
            }
            if (tab.url().endsWith("/notifications")) {
                assertThat(tab.locator("#notifications > li")).hasCount(1);
            }
            assertThat(tab.locator("main")).hasAttribute("data-sse-state", "open");
        }
        for (Page tab : tabs) {
            Assertions.assertThat(receivedIds(tab)).as("events handed to %s", tab.url()).isNotEmpty().doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, worker", "4, worker", "2, leader", "4, leader"})
    void aTabOpenedAfterEventsWerePublishedShowsThemOnce(String htmx, String mode, BrowserContext context) {
        start(context, mode);
        Page first = open(context, "/chat/room?id=" + room, htmx);
        app.say("bob", room, "one");
        app.say("bob", room, "two");
        assertShowsExactly(first, 1, 2);

        Page later = open(context, "/chat/room?id=" + room, htmx);
        Page otherRoom = open(context, "/chat/room?id=" + app.createRoom("elsewhere"), htmx); // a topic the stream lacked
        app.say("bob", room, "three");

        for (Page tab : List.of(first, later)) {
            assertShowsExactly(tab, 1, 2, 3);
        }
        assertShowsExactly(otherRoom);
        Await.until("one stream again", () -> app.app().server().stats().openStreams() == 1);
    }

    @ParameterizedTest(name = "htmx {0}")
    @CsvSource({"2", "4"})
    void closingTheLeaderTabKeepsTheOtherNineLiveWithNothingLost(String htmx, BrowserContext context) {
        start(context, "leader");
        List<Page> tabs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tabs.add(open(context, i % 2 == 0 ? "/chat/room?id=" + room : "/notifications", htmx));
        }
        app.say("bob", room, "before");
        for (Page tab : tabs) {
            if (tab.url().contains("/chat/room")) {
                assertShowsExactly(tab, 1);
            }
        }

        Assertions.assertThat(tabs.getFirst().evaluate(LEADS)).isEqualTo(true);
        tabs.removeFirst().close();
        for (int i = 2; i <= 6; i++) {
            app.say("bob", room, "during the hand-over " + i);
        }
        app.postNotification("after the leader left", "");

        for (Page tab : tabs) {
            if (tab.url().contains("/chat/room")) {
                assertShowsExactly(tab, LongStream.rangeClosed(1, 6).toArray());
            } else {
                assertThat(tab.locator("#notifications > li")).hasCount(1);
            }
            assertThat(tab.locator("#unread-count")).hasText("1");
        }
        Await.until("the new leader's stream is the only one", () -> app.app().server().stats().openStreams() == 1);
        Assertions.assertThat(tabs.stream().filter(tab -> Boolean.TRUE.equals(tab.evaluate(LEADS))).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, worker", "4, worker", "2, leader", "4, leader"})
    void aTabThatJoinsBehindTheSharedStreamTakesWhatWasPublishedSinceItsRenderOnce(String htmx, String mode, BrowserContext context) {
        start(context, mode);
        long elsewhere = app.createRoom("elsewhere");
        Page first = open(context, "/chat/room?id=" + room, htmx);
        // Two tabs rendered now, whose scripts are held back: they join the shared stream only
        // after messages were published. The stream carries the first one's room (it holds its
        // recent events); the second one's it lacks, so it must reconnect from that tab's position.
        List<Route> held = new ArrayList<>();
        Page sameRoom = context.newPage();
        Page otherRoom = context.newPage();
        for (Page tab : List.of(sameRoom, otherRoom)) {
            tab.route(url -> url.contains("/herald-tabs.js"), held::add);
        }
        sameRoom.navigate(url("/chat/room?id=" + room, htmx), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        otherRoom.navigate(url("/chat/room?id=" + elsewhere, htmx), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        otherRoom.waitForCondition(() -> held.size() == 2);

        app.say("bob", room, "after their render");
        app.say("bob", elsewhere, "after their render, elsewhere");
        assertShowsExactly(first, 1);
        held.forEach(Route::resume);
        for (Page tab : List.of(sameRoom, otherRoom)) {
            assertThat(tab.locator("main")).hasAttribute("data-sse-state", "open");
        }
        app.say("bob", room, "after they joined");
        app.say("bob", elsewhere, "after they joined, elsewhere");

        assertShowsExactly(first, 1, 3);
        assertShowsExactly(sameRoom, 1, 3);
        assertShowsExactly(otherRoom, 2, 4);
        Await.until("one stream again", () -> app.app().server().stats().openStreams() == 1);
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, worker", "4, leader"})
    void topicsThatOnlyAClosedTabNeededAreDroppedFromTheSharedStream(String htmx, String mode, BrowserContext context) {
        start(context, mode);
        long elsewhere = app.createRoom("elsewhere");
        Page staying = open(context, "/chat/room?id=" + room, htmx);
        Page closing = open(context, "/chat/room?id=" + elsewhere, htmx);
        Await.until("one stream carries both rooms", () -> subscribers("chat/" + room) == 1 && subscribers("chat/" + elsewhere) == 1);

        closing.close();

        Await.until("the stream carries the staying tab's room alone",
                () -> subscribers("chat/" + room) == 1 && subscribers("chat/" + elsewhere) == 0);
        app.say("bob", room, "still live");
        assertShowsExactly(staying, 1);
        Await.until("one stream", () -> app.app().server().stats().openStreams() == 1);
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, worker", "4, worker", "2, leader", "4, leader"})
    void aVisitorsPrivateNoteReachesOnlyTheTabsThatSubscribedToItsTopic(String htmx, String mode, BrowserContext context,
                                                                        BrowserContext otherBrowser) {
        start(context, mode);
        Page notes = open(context, "/notifications", htmx);
        Page moreNotes = open(context, "/notifications", htmx);
        List<Page> others = List.of(open(context, "/chat/room?id=" + room, htmx), open(context, "/dashboard", htmx),
                open(context, "/", htmx));
        Page anotherVisitor = open(otherBrowser, "/notifications", htmx);

        notes.locator("#only-me").check();
        postNotification(notes, "Call the bank");
        for (Page tab : List.of(notes, moreNotes)) {
            assertThat(tab.locator("#my-notifications > li .notification-title")).hasText("Call the bank");
        }
        app.postNotification("For everyone", ""); // published after the note: a tab that has it would have had the note first

        for (Page tab : others) {
            assertThat(tab.locator("#unread-count")).hasText("1");
            Assertions.assertThat(receivedData(tab)).as("events handed to %s", tab.url())
                    .anyMatch(data -> data.contains("unread-count"))
                    .noneMatch(data -> data.contains("Call the bank"));
        }
        assertThat(anotherVisitor.locator("#notifications > li")).hasCount(1);
        assertThat(anotherVisitor.locator("#my-notifications > li")).hasCount(0);
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, nothing to share with", "4, nothing to share with", "2, opted out", "4, opted out"})
    void withNothingToShareWithOrWhenThePageOptsOutEachTabHoldsAStreamOfItsOwn(String htmx, String mode, BrowserContext context) {
        start(context, mode);
        List<Page> tabs = List.of(open(context, "/chat/room?id=" + room, htmx), open(context, "/notifications", htmx),
                open(context, "/dashboard", htmx));
        for (Page tab : tabs) {
            Assertions.assertThat(tab.evaluate("() => HeraldShare.mode")).isEqualTo("off");
        }
        Await.until("a stream per tab", () -> app.app().server().stats().openStreams() == 3);

        send(tabs.getFirst(), "hello, my own stream");
        app.postNotification("to every tab", "");

        assertShowsExactly(tabs.getFirst(), 1);
        assertThat(tabs.get(1).locator("#notifications > li")).hasCount(1);
        for (Page tab : tabs) {
            assertThat(tab.locator("#unread-count")).hasText("1");
        }
    }

    /** The hub's subscriptions to {@code topic}: the shared stream's topics are what the browser subscribed to. */
    private int subscribers(String topic) {
        return app.app().hub().stats().subscribersByTopic().getOrDefault(topic, 0);
    }

    private String url(String path, String htmx) {
        return app.uri(path + (path.contains("?") ? "&" : "?") + "htmx=" + htmx).toString();
    }

    private Page open(BrowserContext context, String path, String htmx) {
        return LivePages.open(context, app, path, htmx);
    }

    private static void send(Page page, String body) {
        page.locator("#message-body").fill(body);
        page.locator("#composer button[type=submit]").click();
    }

    private static void postNotification(Page page, String title) {
        page.locator("#title").fill(title);
        page.locator("form button[type=submit]").click();
    }

}
