package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.web.AppAssets;
import dev.herald.htmx.ClientAssets;
import java.net.http.HttpRequest;
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
                .containsPattern("sse-connect=\"/\\.well-known/mercure\\?topic=notifications&amp;topic=notifications%2Funread&amp;topic=visitors%2F[A-Za-z0-9_-]{16}%2Fnotifications&amp;lastEventID=%23[0-9a-z]{8}%3A[0-9]+\"")
                .contains("id=\"notification-1\"");
        // After the post's two events (the item, the count); the app's own log lines are events too.
        java.util.regex.Matcher position = java.util.regex.Pattern.compile("lastEventID=%23[0-9a-z]{8}%3A([0-9]+)").matcher(page.body());
        assertThat(position.find()).isTrue();
        assertThat(Long.parseLong(position.group(1))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aValidNotificationIsCreatedWithAnEmptyBody() {
        HttpResponse<String> response = app().post("/notifications", "title", "Deploy", "body", "done");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEmpty();
        assertThat(app().get("/notifications").body()).contains("Deploy", "<span id=\"unread-count\" class=\"badge\" aria-label=\"unread\">1</span>");
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
        assertThat(app().get("/").body()).contains("<span id=\"unread-count\" class=\"badge\" aria-label=\"unread\"></span>");
    }

    @Test
    void everyPageNamesItsHubInALinkHeaderForMercureDiscovery() {
        for (String path : new String[] {"/", "/notifications", "/chat", "/jobs", "/logs", "/dashboard", "/agent", "/nope"}) {
            assertThat(app().get(path).headers().firstValue("Link")).as(path)
                    .hasValue("</.well-known/mercure>; rel=\"mercure\"");
        }
    }

    @Test
    void theHomePageLinksToEveryFeature() {
        assertThat(app().get("/").body()).contains("href=\"/notifications\"", "href=\"/chat\"");
    }

    @Test
    void theNavigationLeadsToPagesAndTheDashboardToTheScrapersText() {
        for (String path : new String[] {"/", "/notifications", "/chat", "/jobs", "/logs", "/dashboard", "/agent", "/nope"}) {
            String body = app().get(path).body();
            String navigation = body.substring(body.indexOf("<nav class=\"nav\""), body.indexOf("</nav>", body.indexOf("<nav class=\"nav\"")));
            assertThat(navigation).as(path).contains("href=\"/dashboard\"").doesNotContain("/metrics");
        }
        assertThat(app().get("/dashboard").body()).contains("<a href=\"/metrics\">/metrics</a>");
    }

    @Test
    void theRegionsThatChangeLiveAreAnnouncedToScreenReaders() {
        // (A running job's progress and a running agent's answer are marked so too: jobs/job.jte, agent/run-body.jte.)
        long room = app().createRoom("general");
        String[][] regions = {{"/notifications", "notifications"}, {"/chat/room?id=" + room, "messages"},
                {"/chat/room?id=" + room, "presence"}, {"/jobs", "job-rows"}, {"/logs", "log-lines"}};
        for (String[] region : regions) {
            assertThat(app().getAs("ada", region[0]).body()).as(region[0] + " #" + region[1])
                    .containsPattern("<[a-z]+ [^>]*(aria-live=\"polite\"|role=\"log\")[^>]*id=\"" + region[1] + "\"");
        }
    }

    @Test
    void aPageAsksForTheOtherHtmxWithAQueryParameter() {
        assertThat(app().get("/notifications?htmx=4").body())
                .contains(ClientAssets.HTMX_4, "hx-sse:connect=", "data-herald-swap=\"notification\"")
                .doesNotContain("sse-connect=");
        assertThat(app().get("/notifications?htmx=3").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownPathIsNotFound_aPageInTheLayoutForAPerson_textForHtmx() {
        HttpResponse<String> response = app().get("/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<nav class=\"nav\"", "No page at /nope.", "<a href=\"/\">Back to the home page</a>",
                "rel=\"icon\"");

        HttpResponse<String> fromHtmx = app().send(HttpRequest.newBuilder(app().uri("/jobs/42"))
                .header("HX-Request", "true").build());
        assertThat(fromHtmx.statusCode()).isEqualTo(404);
        assertThat(fromHtmx.body()).isEqualTo("No job 42");
        assertThat(app().get("/jobs/42").body()).contains("No job 42.", "<nav class=\"nav\"");
        assertThat(app().get("/chat/room?id=42").statusCode()).isEqualTo(404);
    }

    @Test
    void headIsAnsweredWhereverGetIs() {
        for (String path : new String[] {"/", "/notifications", "/chat", "/jobs", "/logs", "/dashboard", "/metrics", "/agent"}) {
            HttpResponse<String> head = app().send(HttpRequest.newBuilder(app().uri(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).as(path).isPresent();
        }
        assertThat(app().send(HttpRequest.newBuilder(app().uri("/nope"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(404);
        HttpResponse<String> post = app().send(HttpRequest.newBuilder(app().uri("/notifications/read"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("POST");
        assertThat(app().send(HttpRequest.newBuilder(app().uri("/notifications")).header("Herald-Request", "test")
                .DELETE().build()).headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
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
