package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Arrays;
import org.assertj.core.api.Assertions;

/** What browser tests of the app do with its live pages. */
public final class LivePages {

    private LivePages() {
    }

    /** Opens {@code path} of {@code app} in a new tab, in htmx {@code htmx}, and waits until its stream is open. */
    public static Page open(BrowserContext context, TestApp app, String path, String htmx) {
        Page page = context.newPage();
        page.navigate(app.uri(path + (path.contains("?") ? "&" : "?") + "htmx=" + htmx).toString());
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }

    /** The chat room shows exactly these messages, each once, in this order. */
    public static void assertShowsExactly(Page page, long... ids) {
        Locator items = page.locator("#messages > li");
        assertThat(items).hasCount(ids.length);
        Assertions.assertThat(items.evaluateAll("items => items.map(item => item.id)"))
                .isEqualTo(Arrays.stream(ids).mapToObj(id -> "message-" + id).toList());
    }
}
