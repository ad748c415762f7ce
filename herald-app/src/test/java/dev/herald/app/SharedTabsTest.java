package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.herald.app.LivePages.assertShowsExactly;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
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

    @TempDir
    Path dataDir;
    private TestApp app;
    private long room;

    private void start(BrowserContext context, String mode) {
        // A short heartbeat: a closed tab's stream is noticed soon.
        app = TestApp.start(dataDir, Map.of("HERALD_HEARTBEAT_SECONDS", "1"));
        room = app.createRoom("everyone");
        context.addCookies(List.of(new Cookie("herald-user", "alice").setUrl(app.uri("/").toString())));
        if (mode.equals("leader")) {
            context.addInitScript(NO_SHARED_WORKER);
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

        tabs.removeFirst().close(); // the first tab took the lead
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
