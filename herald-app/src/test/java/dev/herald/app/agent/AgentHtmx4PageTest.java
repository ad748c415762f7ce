package dev.herald.app.agent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.herald.app.TestApp;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent with htmx 4, in Chromium: the ask form's {@code hx-post} response is the run's event
 * stream itself, swapped into the ask page without leaving it.
 */
@ExtendWith(BrowserKit.class)
class AgentHtmx4PageTest {

    /** {@link AgentPageTest#WATCH_OUTPUT}, with htmx 4's name for "a message is about to be swapped". */
    static final String WATCH_OUTPUT = AgentPageTest.WATCH_OUTPUT + """

            document.addEventListener('htmx:sse:before:message', e => {
              if (e.detail.message.event === 'done') window.liveOutput = outputText()
            })""";

    @TempDir
    Path dataDir;
    @AutoClose
    private TestApp app;

    private Page askPage(BrowserContext context, int offlineDelayMillis) {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", Integer.toString(offlineDelayMillis)));
        context.addInitScript(WATCH_OUTPUT);
        Page page = context.newPage();
        page.navigate(app.uri("/agent?htmx=4").toString());
        return page;
    }

    private static void ask(Page page, String prompt) {
        page.locator("#prompt").fill(prompt);
        page.locator("form.ask button[type=submit]").click();
    }

    @Test
    void theAnswerStreamsIntoTheAskPageFromTheFormsOwnResponse(BrowserContext context) {
        Page page = askPage(context, 30);
        app.postNotification("Deploy finished", "Version 2.4.1 is live.");
        String firstKey = page.locator("input[name=key]").inputValue();

        ask(page, "Which notifications mention \"deploy\"? And what time is it?");

        assertThat(page.locator(".ask-submit")).isDisabled(); // one question at a time
        assertThat(page.locator(".banner-done")).isVisible();
        assertThat(page.locator(".ask-submit")).isEnabled();
        Assertions.assertThat(page.url()).endsWith("/agent?htmx=4"); // the page never changed
        Assertions.assertThat((Integer) page.evaluate("() => window.outputUpdates")).isGreaterThan(10);
        assertThat(page.locator(".tool-card")).hasCount(2);
        assertThat(page.locator(".tool-card .tool-output").first()).containsText("\"title\" : \"Deploy finished\"");
        assertThat(page.locator("#output")).containsText("1 notification mentions \"deploy\":\n- Deploy finished");
        Assertions.assertThat(page.evaluate("() => window.liveOutput")).isEqualTo(page.evaluate("() => outputText()"));
        assertThat(page.locator("#output[data-herald-swap]")).hasCount(0); // the static view: nothing listens
        assertThat(page.locator("form.ask")).hasAttribute("data-sse-state", "closed"); // and the stream is closed
        assertThat(page.locator("#prompt")).hasValue(""); // ready for the next question, with a new key
        Assertions.assertThat(page.locator("input[name=key]").inputValue()).isNotEqualTo(firstKey);
        BrowserKit.screenshot(page, "agent-htmx4-done");

        ask(page, "What time is it?");

        assertThat(page.locator(".live-run-link")).hasText("Run 2");
        assertThat(page.locator(".banner-done")).isVisible();
        assertThat(page.locator("#output")).containsText("It is ");
        page.navigate(app.uri("/agent?htmx=4").toString());
        assertThat(page.locator(".run-item")).hasCount(2);
    }

    @Test
    void aCutStreamIsResumedByTheSamePostWithNothingLostOrDoubled(BrowserContext context) {
        Page page = askPage(context, 40);
        app.postNotification("One", "first");
        app.postNotification("Two", "second");
        AtomicInteger posts = new AtomicInteger();
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().endsWith("/agent/runs")) {
                posts.incrementAndGet();
            }
        });

        ask(page, "Give me an overview");
        page.waitForFunction("() => document.querySelectorAll('.tool-result .tool-output').length >= 1");
        page.waitForFunction("() => document.getElementById('output').textContent.length > 300");
        app.app().server().disconnectSubscribers();

        assertThat(page.locator(".banner-done")).isVisible();
        Assertions.assertThat(posts.get()).as("the form's body posted again, with Last-Event-ID").isGreaterThanOrEqualTo(2);
        Assertions.assertThat(page.evaluate("() => window.liveOutput")).isEqualTo(page.evaluate("() => outputText()"));
        page.navigate(app.uri("/agent?htmx=4").toString());
        assertThat(page.locator(".run-item")).hasCount(1);
    }

    @Test
    void cancelStopsTheRun(BrowserContext context) {
        Page page = askPage(context, 150);

        ask(page, "What time is it?");
        page.waitForFunction("() => document.getElementById('output') && document.getElementById('output').textContent.length > 0");
        page.getByText("Cancel").click();

        assertThat(page.locator(".banner-cancelled")).hasText("Cancelled");
        assertThat(page.locator("#output")).not().containsText("It is");
        assertThat(page.locator(".run-item")).hasCount(0); // the list is the page's, as rendered: no run was started by a cancel
    }
}
