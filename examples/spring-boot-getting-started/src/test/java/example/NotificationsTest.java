package example;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app in Chromium: what a person sees. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // a free port
@ExtendWith(BrowserKit.class)
class NotificationsTest {

    @LocalServerPort
    int port;
    @Autowired
    HeraldStreams streams; // the starter's: it writes every page's event stream

    @Test
    void aNotificationPostedInOnePageAppearsInEveryOpenPage(BrowserContext alice, BrowserContext bob) {
        Page a = open(alice);
        Page b = open(bob);

        a.getByLabel("Notification").fill("Deploy finished");
        a.getByText("Post").click();

        for (Page page : List.of(a, b)) {
            assertThat(page.locator("#notifications li").last()).hasText("Deploy finished");
        }
        assertThat(a.getByLabel("Notification")).hasValue("");
    }

    @Test
    void aPageWhoseConnectionDroppedGetsWhatWasPostedMeanwhileOnceAndGoesOnLive(BrowserContext context) throws Exception {
        Page page = open(context);
        int before = page.locator("#notifications li").count(); // what other tests posted
        post("before the cut");
        assertThat(page.locator("#notifications li")).hasCount(before + 1);
        page.evaluate("() => { window.reopened = 0; document.addEventListener('htmx:sseOpen', () => window.reopened++) }");

        streams.disconnectAll(); // as a network failure would; the page reconnects after its retry delay
        post("while cut 1");
        post("while cut 2");

        assertThat(page.locator("#notifications li")).hasCount(before + 3);
        page.waitForFunction("() => window.reopened >= 1");
        post("after the cut");
        assertThat(page.locator("#notifications li")).hasCount(before + 4);
        Assertions.assertThat(page.locator("#notifications li").allTextContents().subList(before, before + 4))
                .containsExactly("before the cut", "while cut 1", "while cut 2", "after the cut");
    }

    @Test
    void aPostWithoutTextIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> response = send("text=++");

        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(response.body()).isEqualTo("text is required");
    }

    private Page open(BrowserContext context) {
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/");
        assertThat(page.locator("main")).hasAttribute("data-sse-state", "open");
        return page;
    }

    /** Posts a notification as the page's form does. */
    private void post(String text) throws Exception {
        Assertions.assertThat(send("text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> send(String form) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/notifications"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
