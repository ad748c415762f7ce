package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.herald.app.LivePages.assertShowsExactly;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An honest offline state: while a page's stream is down it says so, its dashboard numbers are
 * marked stale, a form that cannot be sent says so and keeps what was typed; back online, it is live
 * again with nothing lost or doubled. A hidden tab stops taking events and takes what it missed on
 * return.
 */
@ExtendWith(BrowserKit.class)
class OfflineStateTest {

    private static final String UNSENT = "Not sent: the server cannot be reached. Your input is kept; send it again once the page is live.";

    @TempDir
    Path dataDir;
    private TestApp app;
    private long room;

    private void start(BrowserContext context) {
        app = TestApp.start(dataDir);
        room = app.createRoom("weather");
        context.addCookies(List.of(new Cookie("herald-user", "alice").setUrl(app.uri("/").toString())));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void whileTheServerIsDownPagesSayOfflineAndAFormSaysItWasNotSentThenAllIsLiveAgain(String htmx, BrowserContext context) {
        start(context);
        Page chat = open(context, "/chat/room?id=" + room, htmx);
        Page dashboard = open(context, "/dashboard", htmx);
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

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void aHiddenTabStopsTakingEventsAndOnReturnTakesWhatItMissedOnce(String htmx, BrowserContext context) {
        start(context);
        Page away = open(context, "/chat/room?id=" + room, htmx);
        Page watching = open(context, "/chat/room?id=" + room, htmx);
        app.say("bob", room, "seen by both");
        assertShowsExactly(away, 1);

        visibility(away, true);
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
