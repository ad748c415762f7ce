package dev.herald.app.logs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.herald.app.AppPerTest;
import dev.herald.app.TestApp;
import dev.herald.testing.BrowserKit;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The live log tail in Chromium, against the real app. */
@ExtendWith(BrowserKit.class)
class LogsPageTest {

    private static final Logger log = LoggerFactory.getLogger("dev.herald.app.test.Tail");

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void aLoggedLineAppearsLiveAsTextAndAStackTraceKeepsItsLines(BrowserContext context) {
        Page page = open(context, "/logs");
        String markup = "<img src=x onerror=\"window.pwned=true\"> & <b>not bold</b>";

        log.info("user said {}", markup);
        log.error("request failed", new IllegalStateException("the disk is full"));

        assertThat(lastLines(page, 2).first().locator(".log-text")).hasText("user said " + markup);
        Locator error = lastLines(page, 1);
        assertThat(error).hasClass(java.util.regex.Pattern.compile("level-ERROR"));
        String text = (String) error.locator(".log-text").evaluate("e => e.innerText");
        Assertions.assertThat(text.lines().toList())
                .startsWith("request failed", "java.lang.IllegalStateException: the disk is full")
                .anySatisfy(line -> Assertions.assertThat(line).startsWith("\tat dev.herald.app.logs.LogsPageTest."));
        Assertions.assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void aLevelFilterShowsOnlyThatLevelAndAboveInHistoryAndLive(BrowserContext context) {
        log.info("info before");
        log.warn("warn before");
        Page page = open(context, "/logs?level=WARN");
        assertThat(page.locator(".log-line", new Page.LocatorOptions().setHasText("warn before"))).hasCount(1);
        assertThat(page.locator(".log-line", new Page.LocatorOptions().setHasText("info before"))).hasCount(0);

        log.info("info live");
        log.warn("warn live");

        assertThat(lastLines(page, 1).locator(".log-text")).hasText("warn live");
        assertThat(page.locator(".log-line", new Page.LocatorOptions().setHasText("info live"))).hasCount(0);
        assertThat(page.locator(".log-levels a[aria-current=page]")).hasText("WARN+");
    }

    @Test
    void aFilteredPageOpensWithTheLastThousandLinesPassingItHoweverManyOthersCameAfter(BrowserContext context) {
        for (int i = 0; i < LogTail.HISTORY_LINES; i++) {
            log.warn("warn {}", i);
        }
        for (int i = 0; i < 2 * LogTail.HISTORY_LINES; i++) {
            log.info("info {}", i);
        }
        Page page = open(context, "/logs?level=WARN");

        assertThat(page.locator("#log-lines > li")).hasCount(LogTail.HISTORY_LINES);
        assertThat(page.locator("#log-lines > li").first().locator(".log-text")).hasText("warn 0");
        assertThat(lastLines(page, 1).locator(".log-text")).hasText("warn " + (LogTail.HISTORY_LINES - 1));
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void pausingHoldsNewLinesBackAndResumingShowsEveryOneInOrder(String htmx, BrowserContext context) {
        Page page = open(context, "/logs?level=WARN&htmx=" + htmx);
        log.warn("before the pause");
        assertThat(lastLines(page, 1).locator(".log-text")).hasText("before the pause");

        page.locator("#log-pause").click();
        log.warn("held 1");
        log.warn("held 2");
        log.warn("held 3");

        assertThat(page.locator("#log-pending")).hasText("3 new lines");
        assertThat(lastLines(page, 1).locator(".log-text")).hasText("before the pause");

        page.locator("#log-pause").click();
        assertThat(lastLines(page, 4).locator(".log-text"))
                .hasText(new String[] {"before the pause", "held 1", "held 2", "held 3"});
        assertThat(page.locator("#log-pending")).isEmpty();
        assertThat(page.locator("#log-pause")).hasText("Pause");
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void aBurstOfTenThousandLinesKeepsThePageBoundedResponsiveAndAtTheBottom(String htmx, BrowserContext context) {
        // At WARN: the app's own INFO lines (a stream cut for its backlog in the burst reconnects,
        // and that is logged) would otherwise come after the burst.
        Page page = open(context, "/logs?level=WARN&htmx=" + htmx);

        for (int i = 0; i < 10_000; i++) {
            log.warn("burst line {}", i);
        }

        assertThat(lastLines(page, 1).locator(".log-text")).hasText("burst line 9999");
        assertThat(page.locator("#log-lines > li")).hasCount(LogTail.HISTORY_LINES);
        assertThat(page.locator("#log-lines > li").first().locator(".log-text")).hasText("burst line 9000");
        Assertions.assertThat(page.evaluate("() => { const v = document.getElementById('log-view');"
                + " return v.scrollTop + v.clientHeight >= v.scrollHeight - 8 }")).as("scrolled to the bottom").isEqualTo(true);
        Assertions.assertThat(page.evaluate("() => 6 * 7")).as("the page still answers").isEqualTo(42);
    }

    @Test
    void scrollingUpStopsTheAutoScroll(BrowserContext context) {
        Page page = open(context, "/logs");
        for (int i = 0; i < 300; i++) {
            log.info("filler {}", i);
        }
        assertThat(lastLines(page, 1).locator(".log-text")).hasText("filler 299");

        page.locator("#log-view").evaluate("v => v.scrollTop = 0");
        log.info("while reading above");

        assertThat(lastLines(page, 1).locator(".log-text")).hasText("while reading above");
        Assertions.assertThat(page.locator("#log-view").evaluate("v => v.scrollTop")).isEqualTo(0);
    }

    @Test
    void aLevelWithNoLinesSaysSoInsteadOfShowingAnEmptyBox(BrowserContext context) {
        Page page = open(context, "/logs?level=ERROR");

        assertThat(page.locator("#log-lines > li")).hasCount(0);
        Assertions.assertThat(page.locator("#log-lines").evaluate("e => getComputedStyle(e, '::before').content"))
                .isEqualTo("\"No lines at this level yet: they appear here as the server logs them.\"");
        BrowserKit.screenshot(page, "logs-empty-level");

        log.error("the first error");

        assertThat(lastLines(page, 1).locator(".log-text")).hasText("the first error");
        Assertions.assertThat(page.locator("#log-lines").evaluate("e => getComputedStyle(e, '::before').content")).isEqualTo("none");
    }

    @Test
    void screenshotOfTheTail(BrowserContext context) {
        Page page = open(context, "/logs");
        log.info("GET /jobs/3 answered 200 in 4 ms");
        log.warn("slow consumer: stream of 10.0.0.7 closed after 1.0 MiB of backlog");
        log.error("job 4 failed", new java.io.UncheckedIOException("cannot read the upload", new java.io.IOException("disk I/O error")));
        log.info("dashboard: 3 subscribers");
        assertThat(lastLines(page, 1).locator(".log-text")).hasText("dashboard: 3 subscribers");
        BrowserKit.screenshot(page, "logs-page");
    }

    private Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(app().uri(path).toString());
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }

    /** The last {@code n} lines of the list. */
    private static Locator lastLines(Page page, int n) {
        return page.locator("#log-lines > li:nth-last-child(-n+" + n + ")");
    }

}
