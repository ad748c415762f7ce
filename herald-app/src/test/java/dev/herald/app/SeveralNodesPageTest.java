package dev.herald.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.herald.app.LivePages.assertShowsExactly;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.herald.testing.BrowserKit;
import dev.herald.testing.RedisServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chat in Chromium on two app nodes sharing one PostgreSQL schema and one Redis key prefix,
 * as behind a load balancer: what a person sees when a message is posted on the other node, when
 * Redis loses its data, and when the node serving the page dies.
 */
@ExtendWith(BrowserKit.class)
class SeveralNodesPageTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private RedisServer redis; // of the test's own, when it stops Redis

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the next one is closed all the same
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void aMessagePostedInAPageServedByNodeBIsLiveInAPageServedByNodeA(BrowserContext alice, BrowserContext bob) {
        TwoNodes nodes = start(Map.of());
        TestApp a = nodes.a();
        TestApp b = nodes.b();
        long room = a.createRoom("across nodes");
        Page onA = open(alice, "alice", a.uri("/"), room, "2");
        Page onB = open(bob, "bob", b.uri("/"), room, "2");

        onB.locator("#message-body").fill("posted on node B");
        onB.locator("#composer button[type=submit]").click();

        for (Page page : List.of(onA, onB)) {
            assertShowsExactly(page, 1);
            assertThat(page.locator("#message-1 .message-text")).hasText("posted on node B");
            assertThat(page.locator("#message-1 .message-author")).hasText("bob");
        }
        BrowserKit.screenshot(onA, "several-nodes-chat-on-a");
    }

    @Test
    void aRedisThatLostItsDataReRendersTheOpenPageInsteadOfLeavingItSilent(BrowserContext context) {
        redis = RedisServer.start(dir);
        TwoNodes nodes = start(Map.of("HERALD_REDIS_URL", redis.url()));
        TestApp a = nodes.a();
        TestApp b = nodes.b();
        long room = a.createRoom("redis restarts");
        Page page = open(context, "alice", a.uri("/"), room, "2");
        b.say("bob", room, "before the restart");
        assertShowsExactly(page, 1);
        page.evaluate("() => { window.sameDocument = true; window.shown = [...document.querySelectorAll('#messages > li')] }");

        redis.stop(); // SIGKILL without persistence: the hub's log and its epoch are gone
        redis = RedisServer.start(dir, redis.port());

        page.waitForFunction("() => window.shown.every(item => !item.isConnected)"); // the region was re-rendered
        assertShowsExactly(page, 1);
        b.say("bob", room, "after the restart");
        assertShowsExactly(page, 1, 2);
        Assertions.assertThat(page.evaluate("() => window.sameDocument")).isEqualTo(true);
    }

    @ParameterizedTest(name = "htmx {0}")
    @ValueSource(strings = {"2", "4"})
    void aPageWhoseNodeDiesReconnectsThroughTheLoadBalancerToAnotherAndMissesNothing(String htmx, BrowserContext context) {
        TwoNodes nodes = start(Map.of());
        TestApp a = nodes.a();
        TestApp b = nodes.b();
        LoadBalancer balancer = LoadBalancer.start(List.of(a.uri("/"), b.uri("/")));
        opened.add(balancer);
        long room = b.createRoom("failover");
        Page page = open(context, "alice", balancer.uri("/"), room, htmx);
        b.say("bob", room, "before node A dies");
        assertShowsExactly(page, 1);
        page.evaluate("() => { window.sameDocument = true }");

        balancer.kill(a.uri("/")); // the page's connections to A are reset; new ones go to B
        a.close();
        for (int i = 2; i <= 4; i++) {
            b.say("bob", room, "while the page reconnects " + i);
        }

        assertShowsExactly(page, 1, 2, 3, 4);
        b.say("bob", room, "on node B");
        assertShowsExactly(page, 1, 2, 3, 4, 5);
        Assertions.assertThat(page.evaluate("() => window.sameDocument")).isEqualTo(true);
    }

    /** Two nodes on this test's PostgreSQL schema and Redis key prefix, closed after the test. */
    private TwoNodes start(Map<String, String> settings) {
        TwoNodes nodes = TwoNodes.start(dir, settings);
        opened.add(nodes);
        return nodes;
    }

    /** The room's page at {@code base} (a node, or the load balancer), as {@code user}, once its stream is open. */
    private static Page open(BrowserContext context, String user, URI base, long room, String htmx) {
        context.addCookies(List.of(new Cookie("herald-user", user).setUrl(base.toString())));
        Page page = context.newPage();
        page.navigate(base.resolve("/chat/room?id=" + room + "&htmx=" + htmx).toString());
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }
}
