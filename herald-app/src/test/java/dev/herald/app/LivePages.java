package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;

/** What browser tests of the app do with its live pages. */
public final class LivePages {

    /**
     * An init script: every event {@code herald-share.js} hands the page (after the page's own
     * check against doubles) is recorded in {@code window.heraldReceived}, its id ({@code null}
     * when it has none) and data.
     */
    public static final String RECORD_RECEIVED = """
            (() => {
              const received = window.heraldReceived = [];
              let share;
              Object.defineProperty(window, 'HeraldShare', {configurable: true, get: () => share, set: value => {
                const subscribe = value.subscribe;
                value.subscribe = (url, handlers) => subscribe(url, {
                  event: message => { received.push({id: message.hasId ? message.id : null, data: message.data}); handlers.event(message); },
                  state: state => handlers.state(state)});
                share = value;
              }});
            })()""";

    private LivePages() {
    }

    /** The ids of the events the shared stream handed {@code page}, in order (see {@link #RECORD_RECEIVED}). */
    @SuppressWarnings("unchecked")
    public static List<String> receivedIds(Page page) {
        return (List<String>) page.evaluate("() => window.heraldReceived.filter(e => e.id !== null).map(e => e.id)");
    }

    /** The data of every event the shared stream handed {@code page}, in order (see {@link #RECORD_RECEIVED}). */
    @SuppressWarnings("unchecked")
    public static List<String> receivedData(Page page) {
        return (List<String>) page.evaluate("() => window.heraldReceived.map(e => e.data)");
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
