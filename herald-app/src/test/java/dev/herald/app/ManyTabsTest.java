package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.herald.testing.BrowserKit;
import dev.herald.testing.SelfSignedKeyStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One browser profile opens at most six HTTP/1.1 connections to an origin; a page that holds one
 * per tab leaves a seventh tab unable even to load (freenet-core #5213, htmx #2510). Herald's tabs
 * share one stream ({@link SharedTabsTest}); where a browser can share nothing, HTTPS with HTTP/2
 * makes every tab a stream on one connection.
 */
@ExtendWith(BrowserKit.class)
class ManyTabsTest {

    /** A browser with neither SharedWorker nor BroadcastChannel: every tab holds its own stream. */
    static final String NOTHING_TO_SHARE_WITH = "delete window.SharedWorker; delete window.BroadcastChannel";

    @Test
    void overHttp2EightTabsAreAllLiveEvenWithoutSharing(Browser browser, @TempDir Path dir) throws Exception {
        Path keyStore = SelfSignedKeyStore.create(dir);
        try (TestApp app = TestApp.start(dir, Map.of(
                "HERALD_TLS_KEYSTORE", keyStore.toString(), "HERALD_TLS_KEYSTORE_PASSWORD", SelfSignedKeyStore.PASSWORD));
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true))) {
            context.setDefaultTimeout(BrowserKit.TIMEOUT.toMillis());
            context.addInitScript(NOTHING_TO_SHARE_WITH);
            List<Page> tabs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Page tab = context.newPage();
                tab.navigate(app.uri("/notifications").toString());
                assertThat(tab.locator("main")).hasAttribute("data-sse-state", "open");
                tabs.add(tab);
            }
            Assertions.assertThat(tabs.getLast().evaluate("() => performance.getEntriesByType('navigation')[0].nextHopProtocol"))
                    .isEqualTo("h2");
            Assertions.assertThat(tabs.getLast().evaluate("() => HeraldShare.mode")).isEqualTo("off");

            tabs.getFirst().locator("#title").fill("to every tab");
            tabs.getFirst().locator("form button[type=submit]").click();

            for (Page tab : tabs) {
                assertThat(tab.locator("#notifications > li")).hasCount(1);
                assertThat(tab.locator("#unread-count")).hasText("1");
            }
        }
    }

    @Test
    void withoutSharingOverHttp11TheSeventhTabStallsUntilAnotherTabCloses(Browser browser, @TempDir Path dir) {
        try (TestApp app = TestApp.start(dir);
             BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(BrowserKit.TIMEOUT.toMillis());
            context.addInitScript(NOTHING_TO_SHARE_WITH);
            List<Page> tabs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Page tab = context.newPage();
                tab.navigate(app.uri("/notifications").toString());
                assertThat(tab.locator("main")).hasAttribute("data-sse-state", "open");
                tabs.add(tab);
            }

            Page seventh = context.newPage();
            // The documented browser behaviour: six connections are taken by six streams, so the
            // seventh tab's own page request waits for a free one. Three seconds show it, no more.
            Assertions.assertThatThrownBy(() -> seventh.navigate(app.uri("/notifications").toString(),
                            new Page.NavigateOptions().setTimeout(3_000)))
                    .isInstanceOf(PlaywrightException.class)
                    .hasMessageContaining("Timeout");

            tabs.getFirst().close();
            assertThat(seventh.locator("main")).hasAttribute("data-sse-state", "open");
        }
    }
}
