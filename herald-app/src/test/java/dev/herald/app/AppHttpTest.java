package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.web.AppAssets;
import dev.herald.htmx.ClientAssets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The app's HTTP surface over a real socket. */
class AppHttpTest {

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    private TestApp app() {
        return running.app();
    }

    @Test
    void thePageSubscribesFromTheStreamPositionItWasRenderedAt() {
        app().postNotification("Before", "");

        HttpResponse<String> page = app().get("/notifications");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .containsPattern("sse-connect=\"/\\.well-known/mercure\\?topic=notifications&amp;topic=notifications%2Funread&amp;lastEventID=%23[0-9a-z]{8}%3A2\"")
                .contains("id=\"notification-1\"");
    }

    @Test
    void aValidNotificationIsCreatedWithAnEmptyBody() {
        HttpResponse<String> response = app().post("/notifications", "title", "Deploy", "body", "done");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEmpty();
        assertThat(app().get("/notifications").body()).contains("Deploy", "<span id=\"unread-count\" class=\"badge\">1</span>");
    }

    @Test
    void anInvalidNotificationIsRefusedWithAOneLineReason() {
        HttpResponse<String> response = app().post("/notifications", "title", " ", "body", "x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("A title is required.");
    }

    @Test
    void markAllReadAnswersNoContent() {
        app().postNotification("a", "");

        assertThat(app().post("/notifications/read").statusCode()).isEqualTo(204);
        assertThat(app().get("/").body()).contains("<span id=\"unread-count\" class=\"badge\">0</span>");
    }

    @Test
    void theHomePageLinksToEveryFeature() {
        assertThat(app().get("/").body()).contains("href=\"/notifications\"", "href=\"/chat\"");
    }

    @Test
    void aPageAsksForTheOtherHtmxWithAQueryParameter() {
        assertThat(app().get("/notifications?htmx=4").body())
                .contains(ClientAssets.HTMX_4, "hx-sse:connect=", "data-herald-swap=\"notification\"")
                .doesNotContain("sse-connect=");
        assertThat(app().get("/notifications?htmx=3").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownPathIsNotFound() {
        HttpResponse<String> response = app().get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("No page at /nope");
    }

    @Test
    void aKnownPathWithAnotherMethodIsNotAllowed() {
        HttpResponse<String> response = app().get("/notifications/read");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(app().post("/", "x", "y").statusCode()).isEqualTo(405);
    }

    @Test
    void servesTheStylesheetAndEveryClientScriptFromTheJars() {
        for (String path : new String[] {AppAssets.CSS, AppAssets.LOG_TAIL, ClientAssets.HTMX, ClientAssets.SSE_EXTENSION,
                ClientAssets.HYPERSCRIPT, ClientAssets.HERALD_SSE, ClientAssets.HTMX_4, ClientAssets.HTMX_4_SSE,
                ClientAssets.HERALD_HTMX_4, ClientAssets.HERALD_SHARE, ClientAssets.HERALD_TABS}) {
            assertThat(app().get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(app().get("/").body()).contains("<link rel=\"stylesheet\" href=\"" + AppAssets.CSS + "\">")
                .contains("<script src=\"" + AppAssets.LOG_TAIL + "\"></script>");
        assertThat(AppAssets.CSS).matches("/assets/herald-app/1/app\\.css\\?v=[0-9a-f]{12}");
    }
}
