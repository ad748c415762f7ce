package dev.herald.app.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.herald.app.AppPerTest;
import dev.herald.app.TestApp;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The notifications page in Chromium, against the real app: what a person sees. */
@ExtendWith(BrowserKit.class)
class NotificationsPageTest {

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void aNotificationPostedFromOnePageAppearsExactlyOnceInBoth(BrowserContext alice, BrowserContext bob) {
        Page a = open(alice);
        Page b = open(bob);

        postFromForm(a, "Deploy finished", "All green.");

        for (Page page : List.of(a, b)) {
            assertShowsExactly(page, 1);
            assertThat(page.locator("#notification-1 .notification-title")).hasText("Deploy finished");
            assertThat(page.locator("#unread-count")).hasText("1");
        }
        assertThat(a.locator("#title")).hasValue("");
        assertThat(a.locator("#body")).hasValue("");
    }

    @Test
    void aNoteForOnlyMeAppearsLiveInMyPageAloneAndStaysThereAfterAReload(BrowserContext alice, BrowserContext bob) {
        Page a = open(alice);
        Page b = open(bob);

        a.locator("#only-me").check();
        postFromForm(a, "Call the bank", "before noon");

        assertThat(a.locator("#my-notifications > li .notification-title")).hasText("Call the bank");
        assertShowsExactly(a);
        app().postNotification("For everyone", ""); // b's stream is live: had it received the note, it would show first
        assertShowsExactly(b, 2);
        assertThat(b.locator("#my-notifications > li")).hasCount(0);
        assertThat(a.locator("#unread-count")).hasText("1");
        a.reload();
        assertThat(a.locator("#my-notifications > li .notification-title")).hasText("Call the bank");
        b.reload();
        assertThat(b.locator("#my-notifications > li")).hasCount(0);
    }

    @Test
    void markAllReadResetsTheCounterInEveryPage(BrowserContext alice, BrowserContext bob) {
        app().postNotification("one", "");
        app().postNotification("two", "");
        Page a = open(alice);
        Page b = open(bob);
        assertThat(b.locator("#unread-count")).hasText("2");

        a.getByText("Mark all read").click();

        assertThat(a.locator("#unread-count")).hasText("");
        assertThat(b.locator("#unread-count")).hasText("");
        assertShowsExactly(b, 1, 2);
    }

    @Test
    void aTitleWithMarkupShowsAsTextAndRunsNothing(BrowserContext context) {
        Page page = open(context);
        String title = "<img src=x onerror=\"window.pwned=true\"><script>window.pwned=true</script>";

        postFromForm(page, title, "");

        assertThat(page.locator("#notification-1 .notification-title")).hasText(title);
        Assertions.assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        page.reload();
        assertThat(page.locator("#notification-1 .notification-title")).hasText(title);
        Assertions.assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void aMultiLineBodyKeepsItsLinesLiveAndInHistory(BrowserContext context) {
        Page page = open(context);
        String body = "first line\n  indented second\n\nfourth after a blank";

        postFromForm(page, "Report", body);

        assertThat(page.locator("#notification-1 .notification-body")).hasJSProperty("innerText", body);
        page.reload();
        assertThat(page.locator("#notification-1 .notification-body")).hasJSProperty("innerText", body);
    }

    @Test
    void aRefusedPostShowsTheReasonAndKeepsTheInput(BrowserContext context) {
        Page page = open(context);

        postFromForm(page, "   ", "my draft");

        assertThat(page.locator("#form-error")).hasText("A title is required.");
        assertThat(page.locator("#body")).hasValue("my draft");
        assertShowsExactly(page);

        postFromForm(page, "Fixed", "my draft");
        assertThat(page.locator("#form-error")).isEmpty();
        assertShowsExactly(page, 1);
    }

    @Test
    void aPageWithHistoryShowsItThenLiveItemsWithoutDoubling(BrowserContext context) {
        app().postNotification("old one", "");
        app().postNotification("old two", "");

        Page page = open(context);
        assertShowsExactly(page, 1, 2);

        app().postNotification("live three", "");
        assertShowsExactly(page, 1, 2, 3);
        assertThat(page.locator("#unread-count")).hasText("3");
    }

    @Test
    void pagesCatchUpWithNothingLostOrDoubledAfterTheServerCutsTheirStreams(BrowserContext alice, BrowserContext bob) {
        Page a = open(alice);
        Page b = open(bob);
        postFromForm(a, "before the cut", "");
        assertShowsExactly(b, 1);

        for (Page page : List.of(a, b)) {
            page.evaluate("() => { window.reopened = 0; document.addEventListener('htmx:sseOpen', () => window.reopened++) }");
        }

        app().app().server().disconnectSubscribers();
        app().postNotification("while cut 1", "");
        app().postNotification("while cut 2", "");
        app().postNotification("while cut 3", "");

        for (Page page : List.of(a, b)) {
            assertShowsExactly(page, 1, 2, 3, 4);
            assertThat(page.locator("#unread-count")).hasText("4");
            page.waitForFunction("() => window.reopened >= 1"); // the stream was cut and reopened
        }
        postFromForm(b, "after the cut", "");
        assertShowsExactly(a, 1, 2, 3, 4, 5);
        assertShowsExactly(b, 1, 2, 3, 4, 5);
    }

    /**
     * htmx-extensions #184: when the EventSource fails for good, the extension builds a new one from
     * the {@code sse-connect} attribute, without Last-Event-ID. herald-sse.js keeps the attribute's
     * lastEventID at the newest event, so the new stream resumes there instead of replaying.
     */
    @Test
    void whenTheExtensionRebuildsTheEventSourceItResumesAfterTheNewestEvent(BrowserContext context) {
        Page page = open(context);
        postFromForm(page, "seen before the failure", "");
        assertShowsExactly(page, 1);
        assertThat(page.locator("main")).hasAttribute("sse-connect", Pattern.compile("lastEventID=%23[0-9a-z]{8}%3A[0-9]+$")); // the app logs (events too) between

        page.evaluate("""
                () => {
                  const source = document.querySelector('main')['htmx-internal-data'].sseEventSource
                  source.close()
                  source.onerror(new Event('error'))
                }""");
        app().postNotification("posted while failed", "");

        assertShowsExactly(page, 1, 2);
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        assertThat(page.locator("#unread-count")).hasText("2");
    }

    /** The restarted hub has a new epoch: the page's id is a gap, re-rendered in the stream, no reload. */
    @Test
    void aPageWhoseHistoryTheRestartedServerNoLongerHoldsIsReRenderedInTheStream(BrowserContext context) {
        app().postNotification("before the restart", "");
        Page page = open(context);
        page.evaluate("() => { window.sameDocument = true }");

        app().restart();
        app().postNotification("while restarting", "");

        assertShowsExactly(page, 1, 2);
        assertThat(page.locator("#unread-count")).hasText("2");
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        app().postNotification("after the restart", "");
        assertShowsExactly(page, 1, 2, 3);
        Assertions.assertThat(page.evaluate("() => window.sameDocument")).isEqualTo(true);
    }

    @Test
    void screenshotOfThePage(BrowserContext context) {
        app().postNotification("Nightly build passed", "All 412 tests green.\nArtifacts uploaded.");
        app().postNotification("<b>Not bold</b> & not markup", "Shown as typed.");
        Page page = open(context);
        postFromForm(page, "Deploy to production", "Version 2.4.1 is live.\n\n  - migrations: 3\n  - downtime: none");

        assertShowsExactly(page, 1, 2, 3);
        assertThat(page.locator("#unread-count")).hasText("3");
        Path file = BrowserKit.screenshot(page, "notifications-page");
        Assertions.assertThat(file).isNotEmptyFile();
    }

    @Test
    void markingOneReadChangesItsLookInEveryPageAndTheBadgeHidesAtZero(BrowserContext alice, BrowserContext bob) {
        app().postNotification("one", "");
        app().postNotification("two", "");
        Page a = open(alice);
        Page b = open(bob);
        assertThat(a.locator("#notification-2.unread")).hasCount(1);

        a.locator("#notification-1 .mark-read").click();

        for (Page page : List.of(a, b)) {
            assertThat(page.locator("#notification-1")).hasClass(Pattern.compile("\\bread\\b"));
            assertThat(page.locator("#notification-1 .mark-read")).hasCount(0);
            assertThat(page.locator("#notification-2")).hasClass(Pattern.compile("\\bunread\\b"));
            assertThat(page.locator("#unread-count")).hasText("1");
        }
        BrowserKit.screenshot(a, "notifications-read-and-unread");

        b.locator("#notification-2 .mark-read").click();

        for (Page page : List.of(a, b)) {
            assertThat(page.locator("#notification-2")).hasClass(Pattern.compile("\\bread\\b"));
            assertThat(page.locator("#unread-count")).isHidden();
        }
        assertShowsExactly(a, 1, 2);
    }

    @Test
    void theSkipLinkIsTheFirstStopAndLeadsToTheContent(BrowserContext context) {
        Page page = open(context);

        page.keyboard().press("Tab");

        assertThat(page.locator(".skip-link")).isFocused();
        assertThat(page.locator(".skip-link")).isVisible();
        BrowserKit.screenshot(page, "skip-link-focused");
        page.keyboard().press("Enter");
        assertThat(page.locator("#content")).isFocused();
    }

    @Test
    void whateverHasTheKeyboardFocusIsOutlined(BrowserContext context) {
        app().postNotification("one", "");
        Page page = open(context);

        for (String target : new String[] {".skip-link", ".nav .brand", "a[href='/notifications']"}) {
            page.keyboard().press("Tab");
            assertThat(page.locator(target)).isFocused();
            Assertions.assertThat(page.locator(target).evaluate("e => { const s = getComputedStyle(e);"
                    + " return s.outlineStyle + ' ' + parseFloat(s.outlineWidth) }")).as(target).isEqualTo("solid 3");
        }
        page.locator("#title").focus();
        Assertions.assertThat(page.locator("#title").evaluate("e => getComputedStyle(e).outlineStyle")).isNotEqualTo("none");
        page.locator("#notification-1 .mark-read").focus();
        page.keyboard().press("Shift+Tab");
        page.keyboard().press("Tab");
        Assertions.assertThat(page.locator("#notification-1 .mark-read").evaluate("e => getComputedStyle(e).outlineStyle"))
                .isEqualTo("solid");
        BrowserKit.screenshot(page, "focus-visible");
    }

    private Page open(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(app().uri("/notifications").toString());
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }

    private static void postFromForm(Page page, String title, String body) {
        page.locator("#title").fill(title);
        page.locator("#body").fill(body);
        page.locator("form button[type=submit]").click();
    }

    /** The list holds exactly these notifications, each once, in this order. */
    private static void assertShowsExactly(Page page, long... ids) {
        Locator items = page.locator("#notifications > li");
        assertThat(items).hasCount(ids.length);
        for (long id : ids) {
            assertThat(page.locator("#notification-" + id)).hasCount(1);
        }
        Assertions.assertThat(items.evaluateAll("items => items.map(item => item.id)"))
                .as("newest first").isEqualTo(Arrays.stream(ids).boxed().sorted(java.util.Comparator.reverseOrder())
                        .map(id -> "notification-" + id).toList());
    }
}
