package dev.herald.app.agent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.herald.app.TestApp;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The agent's pages in Chromium, against the real app with the offline agent. */
@ExtendWith(BrowserKit.class)
class AgentPageTest {

    /**
     * Counts the swaps into the answer (each appended text or card is one) from the page's first
     * byte, and keeps the answer as it stood just before the done event replaced the live view.
     */
    static final String WATCH_OUTPUT = """
            window.outputText = () => document.getElementById('output').textContent
            window.outputUpdates = 0
            new MutationObserver(records => records.forEach(r => {
              if (r.target.id === 'output' && r.addedNodes.length) window.outputUpdates++
            })).observe(document, {childList: true, subtree: true})
            document.addEventListener('htmx:sseBeforeMessage', e => {
              if (e.detail.type === 'done') window.liveOutput = outputText()
            })""";

    @TempDir
    Path dataDir;
    @AutoClose
    private TestApp app;

    @Test
    void anAnswerStreamsInWordByWordAndItsToolCardGetsItsResult(BrowserContext context) {
        start(30);
        app.postNotification("Deploy finished", "Version 2.4.1 is live.");
        app.postNotification("Backup done", "");
        Page page = ask(context, "Which notifications mention \"deploy\"? And what time is it?");

        assertThat(page.locator(".banner-done")).isVisible();
        Assertions.assertThat((Integer) page.evaluate("() => window.outputUpdates")).isGreaterThan(10);
        assertThat(page.locator(".tool-card")).hasCount(2);
        assertThat(page.locator(".tool-card .tool-name").first()).hasText("search_notifications");
        assertThat(page.locator(".tool-card .tool-output").first()).containsText("\"title\" : \"Deploy finished\"");
        assertThat(page.locator(".tool-card .tool-name").last()).hasText("current_time");
        assertThat(page.locator("#output")).containsText("1 notification mentions \"deploy\":\n- Deploy finished");
        assertThat(page.locator(".run-agent")).hasText("offline agent (no language model)");
        Assertions.assertThat(page.evaluate("() => window.liveOutput")).isEqualTo(page.evaluate("() => outputText()"));
        assertThat(page.locator("#output[sse-swap]")).hasCount(0); // the static view: the answer no longer listens
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "closed"); // and the stream is closed
        BrowserKit.screenshot(page, "agent-run-done");

        page.navigate(app.uri("/agent").toString());
        assertThat(page.locator(".run-item")).hasCount(1);
        assertThat(page.locator(".run-item .status-badge")).hasText("Done");
        BrowserKit.screenshot(page, "agent-index");
    }

    @Test
    void reloadingMidRunShowsWhatStreamedSoFarThenContinuesWithNothingDoubled(BrowserContext context) {
        // 150 ms a word: what is left after the first 400 characters outlasts a reload on a loaded
        // machine (at 60 ms the run sometimes finished while the page reloaded, leaving it static).
        start(150);
        app.postNotification("One", "first");
        app.postNotification("Two", "second");
        Page page = ask(context, "Give me an overview");
        page.waitForFunction("() => document.querySelectorAll('.tool-result .tool-output').length >= 1");
        page.waitForFunction("() => document.getElementById('output').textContent.length > 400");
        BrowserKit.screenshot(page, "agent-run-streaming");

        page.reload();
        Assertions.assertThat(page.locator("#output").textContent()).isNotEmpty();
        assertThat(page.locator(".banner-done")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));

        Assertions.assertThat(page.evaluate("() => window.liveOutput")).isEqualTo(page.evaluate("() => outputText()"));
        Assertions.assertThat((Integer) page.evaluate("() => window.outputUpdates")).isGreaterThan(3);
    }

    @Test
    void aFinishedRunsPageIsStaticAndOpensNoStream(BrowserContext context) {
        start(0);
        Page page = ask(context, "What time is it?");
        assertThat(page.locator(".banner-done")).isVisible();

        page.reload();

        assertThat(page.locator(".banner-done")).hasText("Done");
        assertThat(page.locator("#output")).containsText("It is ");
        assertThat(page.locator("[sse-connect]")).hasCount(0);
    }

    @Test
    void cancelStopsTheRun(BrowserContext context) {
        // Two seconds a word: the click lands before "It is" even on a loaded machine (at 150 ms the
        // run sometimes finished before the browser clicked, with five builds sharing two cores).
        start(2000);
        Page page = ask(context, "What time is it?");
        page.waitForFunction("() => document.getElementById('output').textContent.length > 0");

        page.getByText("Cancel").click();

        assertThat(page.locator(".banner-cancelled")).hasText("Cancelled");
        assertThat(page.locator(".status-badge")).hasText("Cancelled");
        assertThat(page.locator("#output")).not().containsText("It is");
        assertThat(page.getByText("Cancel", new Page.GetByTextOptions().setExact(true))).hasCount(0);
    }

    @Test
    void markupInAToolResultShowsAsTextAndRunsNothing(BrowserContext context) {
        start(5);
        String title = "<img src=x onerror=\"window.pwned=true\"><script>window.pwned=true</script>";
        app.postNotification(title, "");
        Page page = ask(context, "Show my notifications");

        assertThat(page.locator(".banner-done")).isVisible();
        assertThat(page.locator(".tool-output")).containsText("\"title\" : \"<img src=x onerror=\\\"window.pwned=true\\\">");
        assertThat(page.locator("#output")).containsText("- " + title + " (");
        Assertions.assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        Assertions.assertThat(page.locator("#output img, #output script").count()).isZero();
    }

    @Test
    void theHomePageLinksToTheAgent(BrowserContext context) {
        start(5);
        Page page = context.newPage();
        page.navigate(app.uri("/").toString());

        page.locator("nav.nav").getByText("Agent").click();

        assertThat(page.locator("h1")).hasText("Agent");
        assertThat(page.locator(".agent-label")).hasText("Answered by offline agent (no language model)");
    }

    private void start(int offlineDelayMillis) {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", Integer.toString(offlineDelayMillis)));
    }

    static Page ask(BrowserContext context, TestApp app, String prompt) {
        context.addInitScript(WATCH_OUTPUT);
        Page page = context.newPage();
        page.navigate(app.uri("/agent").toString());
        page.locator("#prompt").fill(prompt);
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/agent/runs/*");
        Assertions.assertThat(page.url()).doesNotContain("prompt").doesNotContain("deploy");
        return page;
    }

    private Page ask(BrowserContext context, String prompt) {
        return ask(context, app, prompt);
    }
}
