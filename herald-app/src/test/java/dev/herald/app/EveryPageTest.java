package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import dev.herald.testing.BrowserKit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page of the app in Chromium, on a desktop and on a phone, in both htmx dialects: the strict
 * Content-Security-Policy is met (no violation, so htmx, the SSE extensions and hyperscript run
 * without inline script or style), nothing the page asks for fails (the favicon included), and the
 * page fits the phone's width. Screenshots go to {@code target/screenshots/every-page/}.
 */
@ExtendWith(BrowserKit.class)
class EveryPageTest {

    /** An iPhone 12 to 15's viewport, in CSS pixels. */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void everyPageMeetsThePolicyAndFitsAPhone(Browser browser) {
        app().postNotification("Deploy finished", "All green.");
        long room = app().createRoom("general");
        app().say("ada", room, "Hello, a long word: " + "x".repeat(80));
        app().upload("/jobs", "notes-with-a-rather-long-file-name-for-a-phone.txt",
                "one two three\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        app().post("/agent/runs", "prompt", "What time is it?");
        List<String> pages = List.of("/", "/notifications", "/chat", "/chat/room?id=" + room, "/jobs", "/jobs/1",
                "/logs", "/dashboard", "/agent", "/agent/runs/1", "/no-such-page");

        List<String> problems = new ArrayList<>();
        for (String dialect : List.of("2", "4")) {
            for (boolean phone : List.of(false, true)) {
                try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(phone ? PHONE_WIDTH : 1280, phone ? PHONE_HEIGHT : 900).setIsMobile(phone)
                        .setHasTouch(phone))) {
                    context.setDefaultTimeout(BrowserKit.TIMEOUT.toMillis());
                    // A chat name, so that the room's own page shows (not the name form).
                    context.addCookies(List.of(new Cookie("herald-user", "ada").setUrl(app().uri("/").toString())));
                    for (String path : pages) {
                        problems.addAll(visit(context, path, dialect, phone));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private List<String> visit(BrowserContext context, String path, String dialect, boolean phone) {
        String where = path + " (htmx " + dialect + (phone ? ", phone)" : ", desktop)");
        List<String> problems = new ArrayList<>();
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !(path.equals("/no-such-page") && message.text().contains("404"))) {
                problems.add(where + ": console: " + message.text());
            }
        });
        page.onPageError(error -> problems.add(where + ": error: " + error));
        page.onRequestFailed(request -> {
            if (!request.url().contains("/.well-known/mercure") && !request.url().contains("/agent/runs")) {
                problems.add(where + ": failed: " + request.url() + " " + request.failure());
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().contains("/no-such-page")) {
                problems.add(where + ": " + response.status() + " for " + response.url());
            }
        });
        page.navigate(app().uri(path + (path.contains("?") ? "&" : "?") + "htmx=" + dialect).toString());
        page.waitForLoadState(LoadState.LOAD);
        // A live page's stream never idles the network: wait until it has opened (or ended) instead.
        page.waitForFunction("() => [...document.querySelectorAll('[sse-connect], [hx-sse\\\\:connect]')]"
                + ".every(e => ['open', 'closed'].includes(e.dataset.sseState))");
        BrowserKit.screenshot(page, "every-page/" + name(path) + "-htmx" + dialect + (phone ? "-phone" : "-desktop"));
        if (phone) {
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (width > PHONE_WIDTH) {
                problems.add(where + ": " + width + " px wide");
            }
        }
        page.close();
        return problems;
    }

    private static String name(String path) {
        String name = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return name.isEmpty() ? "home" : name;
    }
}
