package dev.herald.app.chat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.herald.app.LivePages.assertShowsExactly;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import dev.herald.app.TestApp;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chat in Chromium, in both htmx dialects, against the real app. */
@ExtendWith(BrowserKit.class)
class ChatPageTest {

    private static final String CODE = "for (int i = 0; i < 3; i++) {\n    System.out.println(\"<b>\" + i);\n}";
    private static final String XSS = "<img src=x onerror=\"window.pwned=true\"><script>window.pwned=true</script>";

    @TempDir
    Path dataDir;
    private TestApp app;

    /** A short heartbeat, so that a closed tab is noticed at once; a short presence grace. */
    private void start(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "HERALD_HEARTBEAT_SECONDS", "1", "HERALD_PRESENCE_GRACE_MILLIS", "300"));
        settings.putAll(more);
        app = TestApp.start(dataDir, settings);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void twoUsersChatLiveWithPresenceCodeBlocksIntactAndMarkupAsText(String htmx, BrowserContext alice, BrowserContext bob) {
        start(Map.of());
        long room = app.createRoom("general");
        Page a = open(alice, "alice", room, htmx);
        Page b = open(bob, "bob", room, htmx);
        for (Page page : List.of(a, b)) {
            assertThat(page.locator("#presence > li")).hasText(new String[] {"alice", "bob"});
        }

        send(a, "Look at this:\n```java\n" + CODE + "\n```\nneat, no?");
        assertThat(a.locator("#message-body")).hasValue("");
        send(b, XSS);

        for (Page page : List.of(a, b)) {
            assertShowsExactly(page, 1, 2);
            assertThat(page.locator("#message-1 .message-code code")).hasJSProperty("innerText", CODE);
            assertThat(page.locator("#message-1 .message-text").first()).hasText("Look at this:");
            assertThat(page.locator("#message-2 .message-text")).hasText(XSS);
            assertThat(page.locator("#message-2 .message-author")).hasText("bob");
            Assertions.assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        }
        BrowserKit.screenshot(a, "chat-room-htmx" + htmx);

        b.close();
        assertThat(a.locator("#presence > li")).hasText(new String[] {"alice"});
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void theMessageListScrollsToTheBottomOnLoadAndOnEveryNewMessage(String htmx, BrowserContext context) {
        start(Map.of());
        long room = app.createRoom("long");
        for (int i = 1; i <= 30; i++) {
            app.say("bob", room, "history " + i);
        }
        Page page = open(context, "alice", room, htmx);
        page.waitForFunction("() => { const m = document.getElementById('messages');"
                + " return m.scrollHeight > m.clientHeight && m.scrollTop + m.clientHeight >= m.scrollHeight - 2 }");

        page.evaluate("() => { document.getElementById('messages').scrollTop = 0 }");
        app.say("bob", room, "live one");

        assertShowsExactly(page, LongStream.rangeClosed(1, 31).toArray());
        page.waitForFunction("() => { const m = document.getElementById('messages');"
                + " return m.scrollTop + m.clientHeight >= m.scrollHeight - 2 }");
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void aTabWhoseConnectionIsCutSeesEveryMessageExactlyOnceAndPresenceDoesNotFlap(String htmx, BrowserContext context) {
        start(Map.of("HERALD_PRESENCE_GRACE_MILLIS", "10000"));
        long room = app.createRoom("flaky");
        Page page = open(context, "alice", room, htmx);
        app.say("bob", room, "before the cut");
        assertShowsExactly(page, 1);
        page.evaluate("""
                () => {
                  window.presenceSeen = []
                  const presence = document.getElementById('presence')
                  new MutationObserver(() => window.presenceSeen.push(presence.innerText)).observe(presence, {childList: true})
                }""");

        app.app().server().disconnectSubscribers();
        app.say("bob", room, "while cut 1");
        app.say("bob", room, "while cut 2");
        app.say("bob", room, "while cut 3");

        assertShowsExactly(page, 1, 2, 3, 4);
        app.say("bob", room, "after the cut");
        assertShowsExactly(page, 1, 2, 3, 4, 5);
        assertThat(page.locator("#presence > li")).hasText(new String[] {"alice"});
        Assertions.assertThat((List<?>) page.evaluate("() => window.presenceSeen"))
                .allSatisfy(seen -> Assertions.assertThat((String) seen).contains("alice"));
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void aTabAwayLongerThanTheLogHoldsIsReRenderedInTheStream(String htmx, BrowserContext context) {
        start(Map.of("HERALD_TOPIC_LOG_EVENTS", "4", "HERALD_PRESENCE_GRACE_MILLIS", "30000"));
        long room = app.createRoom("away");
        Page page = open(context, "alice", room, htmx);
        app.say("bob", room, "seen before leaving");
        assertShowsExactly(page, 1);
        page.evaluate("() => { window.sameDocument = true }");

        context.route("**/.well-known/mercure**", Route::abort); // the tab is away: it cannot reconnect
        app.app().server().disconnectSubscribers();
        for (int i = 2; i <= 12; i++) {
            app.say("bob", room, "missed " + i); // 11 > the 4 the log holds: the tab's last id is a gap
        }
        context.unroute("**/.well-known/mercure**");

        assertShowsExactly(page, LongStream.rangeClosed(1, 12).toArray());
        app.say("bob", room, "after the return");
        assertShowsExactly(page, LongStream.rangeClosed(1, 13).toArray());
        assertThat(page.locator("#presence > li")).hasText(new String[] {"alice"});
        Assertions.assertThat(page.evaluate("() => window.sameDocument")).isEqualTo(true);
    }

    @Test
    void aNewUserNamesThemselvesCreatesARoomAndEveryFrontPageListsIt(BrowserContext alice, BrowserContext bob) {
        start(Map.of());
        Page b = bob.newPage();
        b.navigate(app.uri("/chat").toString());
        assertThat(b.locator("main")).hasAttribute("data-sse-state", "open");

        Page a = alice.newPage();
        a.navigate(app.uri("/chat").toString());
        a.locator("#name").fill("Ann <3");
        a.locator("form button[type=submit]").click();
        assertThat(a.locator(".chat-user strong")).hasText("Ann <3");
        assertThat(a.locator("main")).hasAttribute("data-sse-state", "open");
        a.locator("#room-name").fill("Design & review");
        a.locator(".room-form button[type=submit]").click();

        for (Page page : List.of(a, b)) {
            assertThat(page.locator("#rooms > li")).hasText(new String[] {"Design & review"});
        }
        assertThat(a.locator("#room-name")).hasValue("");
        a.locator("#rooms a").click();
        assertThat(a.locator("h1")).hasText("Design & review");
        assertThat(a.locator("#presence > li")).hasText(new String[] {"Ann <3"});
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void enterSendsAndShiftEnterStartsANewLine(String htmx, BrowserContext context) {
        start(Map.of());
        long room = app.createRoom("general");
        Page page = open(context, "ada", room, htmx);
        Locator body = page.locator("#message-body");

        body.click();
        body.pressSequentially("first line");
        page.keyboard().press("Shift+Enter");
        body.pressSequentially("second line");
        assertThat(page.locator("#messages > li")).hasCount(0);
        page.keyboard().press("Enter");

        assertThat(page.locator("#messages > li .message-text")).hasText("first line\nsecond line");
        assertThat(page.locator("#message-body")).hasValue("");
        page.locator("#message-body").press("Enter");
        assertThat(page.locator("#messages > li")).hasCount(1); // an empty message is not sent
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void someoneWhoLeavesTheRoomDropsOutWithinTheGraceNotAfterTheServerNoticesTheirStream(String htmx,
            BrowserContext alice, BrowserContext bob) {
        // A heartbeat far longer than the assertion waits: only the page's leave beacon can explain it.
        start(Map.of("HERALD_HEARTBEAT_SECONDS", "120"));
        long room = app.createRoom("general");
        Page a = open(alice, "alice", room, htmx);
        Page b = open(bob, "bob", room, htmx);
        assertThat(a.locator("#presence li")).hasText(new String[] {"alice", "bob"});

        b.navigate(app.uri("/").toString());

        assertThat(a.locator("#presence li")).hasText(new String[] {"alice"});
    }

    private Page open(BrowserContext context, String user, long room, String htmx) {
        context.addCookies(List.of(new Cookie("herald-user", user).setUrl(app.uri("/").toString())));
        Page page = context.newPage();
        page.navigate(app.uri("/chat/room?id=" + room + "&htmx=" + htmx).toString());
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }

    private static void send(Page page, String body) {
        page.locator("#message-body").fill(body);
        page.locator("#composer button[type=submit]").click();
    }

}
