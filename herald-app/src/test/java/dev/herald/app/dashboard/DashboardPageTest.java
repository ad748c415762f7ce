package dev.herald.app.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.herald.app.AppPerTest;
import dev.herald.app.TestApp;
import dev.herald.testing.BrowserKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live dashboard in Chromium, against the real app. */
@ExtendWith(BrowserKit.class)
class DashboardPageTest {

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void theConnectionCountRisesWhenASecondBrowserOpensAndFallsWhenItCloses(BrowserContext context, BrowserContext other) {
        Page first = open(context);
        assertThat(first.locator("#panel-connections .panel-value")).hasText("1");
        assertThat(dashboardSubscribers(first)).hasText("1");

        Page second = open(other); // another browser: a second tab of the same one would share the stream

        assertThat(first.locator("#panel-connections .panel-value")).hasText("2");
        assertThat(dashboardSubscribers(first)).hasText("2");
        second.close();
        app().app().server().disconnectSubscribers(); // a closed tab is noticed at the next write; the cut is at once
        assertThat(first.locator("#panel-connections .panel-value")).hasText("1");
    }

    @Test
    void everyPanelIsReplacedEverySecondWithASparkline(BrowserContext context) {
        Page page = open(context);
        String firstStamp = page.locator("#panel-topics .panel-updated").textContent();

        page.waitForFunction("stamp => document.querySelector('#panel-topics .panel-updated').textContent !== stamp", firstStamp);

        assertThat(page.locator(".panel")).hasCount(8);
        assertThat(page.locator("#panel-heap svg.sparkline polyline")).hasAttribute("points",
                java.util.regex.Pattern.compile("^[0-9., ]+ [0-9., ]+$"));
        assertThat(page.locator("#panel-cpu .panel-value")).hasText(java.util.regex.Pattern.compile("%$"));
    }

    @Test
    void screenshotOfTheDashboard(BrowserContext context) {
        Page page = open(context);
        for (int i = 0; i < 5; i++) {
            app().postNotification("load " + i, "");
        }
        page.waitForTimeout(3_000); // a few ticks, so the sparklines have a shape
        BrowserKit.screenshot(page, "dashboard-page");
    }

    private static com.microsoft.playwright.Locator dashboardSubscribers(Page page) {
        return page.locator("#panel-topics tr:has(.topic:text-is('dashboard')) .count");
    }

    private Page open(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(app().uri("/dashboard").toString());
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }
}
