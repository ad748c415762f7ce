package example;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.herald.servlet.HeraldStreams;
import dev.herald.testing.BrowserKit;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board in Chromium, as people use it: what one page does, every open page shows; a page opens
 * on the board as it is; a page whose connection dropped catches up, and one that missed more than
 * the hub keeps (eight events here) is re-rendered from the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:board-page-test;DB_CLOSE_DELAY=-1",
        "herald.max-events-per-topic=8", "herald.retry=1s"})
@ExtendWith(BrowserKit.class)
class BoardPageTest {

    @LocalServerPort
    int port;
    @Autowired
    HeraldStreams streams;
    @Autowired
    JdbcClient db;
    @Autowired
    Board board;

    static final HttpClient client = HttpClient.newHttpClient();

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void emptyBoard() {
        db.sql("delete from card").update();
    }

    @Test
    void aCardAddedMovedOrDeletedOnOnePageChangesEveryOpenPage(BrowserContext alice, BrowserContext bob) {
        Page a = open(alice);
        Page b = open(bob);

        a.getByLabel("New card").fill("Write the release notes");
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        for (Page page : List.of(a, b)) {
            assertThat(titles(page, Column.TODO)).hasText(new String[] {"Write the release notes"});
            assertThat(count(page, Column.TODO)).hasText("1");
        }
        assertThat(a.getByLabel("New card")).hasValue("");

        card(b, "Write the release notes").getByLabel("Move to Doing").click();
        for (Page page : List.of(a, b)) {
            assertThat(titles(page, Column.DOING)).hasText(new String[] {"Write the release notes"});
            assertThat(titles(page, Column.TODO)).hasCount(0);
            assertThat(column(page, Column.TODO).getByText("No cards")).isVisible();
        }

        card(a, "Write the release notes").getByLabel("Delete").click();
        for (Page page : List.of(a, b)) {
            assertThat(page.locator(".card")).hasCount(0);
            assertThat(count(page, Column.DOING)).hasText("0");
        }
    }

    @Test
    void aPageOpensOnTheBoardAsItIsThenFollowsIt(BrowserContext context) throws Exception {
        add("Plan the sprint");
        add("Fix the login redirect");
        move("Plan the sprint", Column.DONE);

        Page page = open(context);
        assertThat(titles(page, Column.TODO)).hasText(new String[] {"Fix the login redirect"});
        assertThat(titles(page, Column.DONE)).hasText(new String[] {"Plan the sprint"});

        move("Fix the login redirect", Column.DOING);
        assertThat(titles(page, Column.DOING)).hasText(new String[] {"Fix the login redirect"});
        assertThat(titles(page, Column.TODO)).hasCount(0);
    }

    @Test
    void aPageWhoseConnectionDroppedGetsWhatChangedMeanwhileAndGoesOnLive(BrowserContext context) throws Exception {
        Page page = open(context);
        add("before the cut");
        assertThat(titles(page, Column.TODO)).hasText(new String[] {"before the cut"});
        page.evaluate("() => { window.reopened = 0; document.addEventListener('htmx:sseOpen', () => window.reopened++) }");
        countReRenders(page);

        streams.disconnectAll(); // as a network failure would; the page reconnects with its Last-Event-ID
        add("while cut");
        move("before the cut", Column.DONE);

        assertThat(titles(page, Column.TODO)).hasText(new String[] {"while cut"});
        assertThat(titles(page, Column.DONE)).hasText(new String[] {"before the cut"});
        page.waitForFunction("() => window.reopened >= 1");
        add("after the cut");
        assertThat(titles(page, Column.TODO)).hasText(new String[] {"while cut", "after the cut"});
        Assertions.assertThat(reRenders(page)).as("replayed from the hub's log, not re-rendered").isZero();
    }

    @Test
    void aPageThatMissedMoreThanTheHubKeepsIsReRenderedFromTheDatabase(BrowserContext context) throws Exception {
        Page page = open(context);
        page.evaluate("() => { window.sameDocument = true }");
        countReRenders(page);

        streams.disconnectAll(); // the page reconnects after a second (herald.retry): by then ten events
        String[] added = new String[10]; // are published, two more than the hub keeps for the topic
        for (int i = 0; i < added.length; i++) {
            added[i] = "card " + (i + 1);
            board.add(added[i]); // as the form does, without the HTTP round trips: well within the second
        }

        assertThat(titles(page, Column.TODO)).hasText(added);
        assertThat(count(page, Column.TODO)).hasText("10");
        Assertions.assertThat(page.evaluate("() => window.sameDocument")).as("re-rendered in place, not reloaded").isEqualTo(true);
        Assertions.assertThat(reRenders(page)).as("each column re-rendered once").isEqualTo(3);
        move("card 1", Column.DOING);
        assertThat(titles(page, Column.DOING)).hasText(new String[] {"card 1"});
    }

    @Test
    void looksLikeABoardOnADesktopAndFitsAPhone(BrowserContext context) throws Exception {
        add("Plan the sprint");
        add("Fix the login redirect on Safari when the session cookie has expired");
        add("Update the getting-started guide");
        add("Review the pull request from Sam");
        add("Write the release notes");
        move("Plan the sprint", Column.DONE);
        move("Fix the login redirect on Safari when the session cookie has expired", Column.DONE);
        move("Update the getting-started guide", Column.DOING);

        Page page = open(context);
        page.setViewportSize(1280, 800);
        assertThat(titles(page, Column.TODO)).hasCount(2);
        BrowserKit.screenshot(page, "board-desktop");

        page.setViewportSize(390, 844);
        Assertions.assertThat(column(page, Column.DOING).boundingBox().y)
                .as("on a phone the columns stand one under the other")
                .isGreaterThan(column(page, Column.TODO).boundingBox().y + column(page, Column.TODO).boundingBox().height);
        Assertions.assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone").isEqualTo(true);
        BrowserKit.screenshot(page, "board-phone");
    }

    @Test
    void aChangeThatCannotBeMadeIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> blank = send("POST", "/cards", "title=+++");
        Assertions.assertThat(blank.statusCode()).isEqualTo(400);
        Assertions.assertThat(blank.body()).isEqualTo("a card needs a title");

        HttpResponse<String> tooLong = send("POST", "/cards", "title=" + "x".repeat(Board.MAX_TITLE + 1));
        Assertions.assertThat(tooLong.statusCode()).isEqualTo(400);
        Assertions.assertThat(tooLong.body()).isEqualTo("a title has at most 200 characters; this one has 201");

        add("a card");
        HttpResponse<String> nowhere = send("POST", "/cards/" + id("a card") + "/move", "to=later");
        Assertions.assertThat(nowhere.statusCode()).isEqualTo(400);
        Assertions.assertThat(nowhere.body()).isEqualTo("column \"later\" is not one of todo, doing, done");

        HttpResponse<String> gone = send("DELETE", "/cards/" + (id("a card") + 1000), "");
        Assertions.assertThat(gone.statusCode()).isEqualTo(404);
        Assertions.assertThat(gone.body()).isEqualTo("there is no card " + (id("a card") + 1000));
    }

    private Page open(BrowserContext context) {
        Page page = context.newPage();
        page.navigate("http://127.0.0.1:" + port + "/");
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }

    /** Counts, in window.reRendered, the out-of-band swaps: the board's events swap regions, its re-render swaps out of band. */
    private static void countReRenders(Page page) {
        page.evaluate("() => { window.reRendered = 0; document.body.addEventListener('htmx:oobAfterSwap', () => window.reRendered++) }");
    }

    private static int reRenders(Page page) {
        return ((Number) page.evaluate("() => window.reRendered")).intValue();
    }

    private static Locator column(Page page, Column column) {
        return page.locator("#" + column.contract().target());
    }

    private static Locator titles(Page page, Column column) {
        return column(page, column).locator(".card p");
    }

    private static Locator count(Page page, Column column) {
        return column(page, column).locator(".count");
    }

    private static Locator card(Page page, String title) {
        return page.locator(".card").filter(new Locator.FilterOptions().setHasText(title));
    }

    /** Adds a card as the page's form does. */
    private void add(String title) throws Exception {
        Assertions.assertThat(send("POST", "/cards", "title=" + URLEncoder.encode(title, StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(204);
    }

    /** Moves a card as its buttons do. */
    private void move(String title, Column to) throws Exception {
        Assertions.assertThat(send("POST", "/cards/" + id(title) + "/move", "to=" + to.key()).statusCode()).isEqualTo(204);
    }

    private long id(String title) {
        return db.sql("select id from card where title = ?").param(title).query(Long.class).single();
    }

    private HttpResponse<String> send(String method, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
