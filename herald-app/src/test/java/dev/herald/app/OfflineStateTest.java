package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.herald.app.LivePages.assertShowsExactly;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.herald.testing.Await;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An honest offline state: while a page's stream is down it says so, its dashboard numbers are
 * marked stale, a form that cannot be sent says so and keeps what was typed; back online, it is live
 * again with nothing lost or doubled. A hidden tab stops taking events (its own connection, when it
 * shares none, is closed) and takes what it missed on return. Screenshots of the offline state go
 * to {@code target/screenshots/offline/}.
 */
@ExtendWith(BrowserKit.class)
class OfflineStateTest {

    private static final String UNSENT = "Not sent: the server cannot be reached. Your input is kept; send it again once the page is live.";

    @TempDir
    Path dataDir;
    private TestApp app;
    private long room;

    private void start(BrowserContext context) {
        // A short heartbeat: a stream the browser closed is noticed soon.
        app = TestApp.start(dataDir, Map.of("HERALD_HEARTBEAT_SECONDS", "1"));
        room = app.createRoom("weather");
        context.addCookies(List.of(new Cookie("herald-user", "alice").setUrl(app.uri("/").toString())));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, shared", "4, shared", "2, own", "4, own"})
    void whileTheServerIsDownPagesSayOfflineAndAFormSaysItWasNotSentThenAllIsLiveAgain(String htmx, String stream,
                                                                                     BrowserContext context) {
        start(context);
        if (stream.equals("own")) {
            context.addInitScript(ManyTabsTest.NOTHING_TO_SHARE_WITH);
        }
        Page chat = open(context, "/chat/room?id=" + room, htmx);
        Page dashboard = open(context, "/dashboard", htmx);
        Assertions.assertThat(chat.evaluate("() => HeraldShare.mode")).isEqualTo(stream.equals("own") ? "off" : "worker");
        app.say("bob", room, "before");
        assertShowsExactly(chat, 1);

        app.restart(() -> {
            for (Page page : List.of(chat, dashboard)) {
                assertThat(page.locator("main")).hasAttribute("data-sse-state", "reconnecting");
                Assertions.assertThat(afterContent(page, ".connection-label")).isEqualTo("\"Offline — reconnecting…\"");
            }
            Assertions.assertThat(afterContent(dashboard, ".panel-value")).isEqualTo("\" (stale)\"");

            chat.locator("#message-body").fill("typed while offline");
            chat.locator("#composer button[type=submit]").click();
            assertThat(chat.locator("#composer [role=alert]")).hasText(UNSENT);
            assertThat(chat.locator("#message-body")).hasValue("typed while offline");
            if (stream.equals("shared")) {
                screenshots(chat, "chat-htmx" + htmx);
                screenshots(dashboard, "dashboard-htmx" + htmx);
            }
        });

        for (Page page : List.of(chat, dashboard)) {
            assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
            Assertions.assertThat(afterContent(page, ".connection-label")).isEqualTo("\"Live\"");
        }
        chat.locator("#composer button[type=submit]").click();
        assertShowsExactly(chat, 1, 2);
        assertThat(chat.locator("#message-2 .message-text")).hasText("typed while offline");
        assertThat(chat.locator("#composer [role=alert]")).hasText("");
    }

    @ParameterizedTest(name = "htmx {0}, {1}")
    @CsvSource({"2, shared", "4, shared", "2, own", "4, own"})
    void aHiddenTabStopsTakingEventsAndOnReturnTakesWhatItMissedOnce(String htmx, String stream, BrowserContext context) {
        start(context);
        if (stream.equals("own")) {
            context.addInitScript(ManyTabsTest.NOTHING_TO_SHARE_WITH);
        }
        Page away = open(context, "/chat/room?id=" + room, htmx);
        Page watching = open(context, "/chat/room?id=" + room, htmx);
        Assertions.assertThat(away.evaluate("() => HeraldShare.mode")).isEqualTo(stream.equals("own") ? "off" : "worker");
        int streams = stream.equals("own") ? 2 : 1;
        Await.until(streams + " streams", () -> app.app().server().stats().openStreams() == streams);
        app.say("bob", room, "seen by both");
        assertShowsExactly(away, 1);

        visibility(away, true);
        if (stream.equals("own")) {
            Await.until("the hidden tab's stream is closed", () -> app.app().server().stats().openStreams() == 1);
        }
        app.say("bob", room, "while away");
        app.say("bob", room, "still away");
        assertShowsExactly(watching, 1, 2, 3);
        assertShowsExactly(away, 1);

        visibility(away, false);
        assertShowsExactly(away, 1, 2, 3);
        app.say("bob", room, "back");
        for (Page page : List.of(away, watching)) {
            assertShowsExactly(page, 1, 2, 3, 4);
        }
        Await.until(streams + " streams again", () -> app.app().server().stats().openStreams() == streams);
    }

    /** Saves the page as a desktop (1280×800) and a phone (390×844) show it. */
    private static void screenshots(Page page, String name) {
        page.setViewportSize(390, 844);
        BrowserKit.screenshot(page, "offline/" + name + "-phone");
        page.setViewportSize(1280, 800);
        BrowserKit.screenshot(page, "offline/" + name + "-desktop");
    }

    private Page open(BrowserContext context, String path, String htmx) {
        return LivePages.open(context, app, path, htmx);
    }

    /** Hides or shows the page as switching tabs does (headless pages are always visible). */
    private static void visibility(Page page, boolean hidden) {
        page.evaluate("hidden => { Object.defineProperty(document, 'hidden', {value: hidden, configurable: true});"
                + " Object.defineProperty(document, 'visibilityState', {value: hidden ? 'hidden' : 'visible', configurable: true});"
                + " document.dispatchEvent(new Event('visibilitychange')) }", hidden);
    }

    private static String afterContent(Page page, String selector) {
        return (String) page.locator(selector).first().evaluate("e => getComputedStyle(e, '::after').content");
    }

}
