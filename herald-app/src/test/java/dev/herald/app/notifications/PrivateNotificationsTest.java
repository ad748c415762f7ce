package dev.herald.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.AppPerTest;
import dev.herald.app.TestApp;
import dev.herald.app.web.Visitor;
import dev.herald.app.web.VisitorCookies;
import dev.herald.jetty.HeraldServer;
import dev.herald.testing.SseRecorder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A visitor's own notifications are private updates on its own topic, read with the token its
 * cookie carries: another visitor (another cookie) and an anonymous subscriber never receive them,
 * live or replayed — even subscribed to that very topic.
 */
class PrivateNotificationsTest {

    @RegisterExtension
    final AppPerTest running = new AppPerTest();

    /** A browser: the cookies the notifications page set, sent back as a browser would. */
    private record Browser(String visitor, String token) {
        String cookies() {
            return VisitorCookies.COOKIE + "=" + visitor + "; mercureAuthorization=" + token;
        }

        String topic() {
            return NotificationService.topic(new Visitor(visitor));
        }
    }

    private TestApp app() {
        return running.app();
    }

    private Browser visit() {
        HttpResponse<String> page = app().send(HttpRequest.newBuilder(app().uri("/notifications")).build());
        List<String> cookies = page.headers().allValues("Set-Cookie");
        return new Browser(cookie(cookies, VisitorCookies.COOKIE), cookie(cookies, "mercureAuthorization"));
    }

    private static String cookie(List<String> setCookies, String name) {
        for (String setCookie : setCookies) {
            if (setCookie.startsWith(name + "=")) {
                return setCookie.substring(name.length() + 1, setCookie.indexOf(';'));
            }
        }
        throw new AssertionError("no " + name + " cookie in " + setCookies);
    }

    private HttpResponse<String> post(Browser browser, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return app().send(HttpRequest.newBuilder(app().uri("/notifications"))
                .header(HeraldServer.REQUEST_HEADER, "test").header("Cookie", browser.cookies())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    private SseRecorder subscribe(String topic, String after, String cookies) {
        String query = "topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "&topic=notifications&lastEventID="
                + URLEncoder.encode(after, StandardCharsets.UTF_8);
        return cookies == null
                ? SseRecorder.connect(app().client(), app().uri("/.well-known/mercure?" + query))
                : SseRecorder.connect(app().client(), app().uri("/.well-known/mercure?" + query), "Cookie", cookies);
    }

    @Test
    void thePageSetsAVisitorCookieAndAHubTokenForItsOwnTopicsHttpOnlyAndStrict() {
        HttpResponse<String> page = app().send(HttpRequest.newBuilder(app().uri("/notifications")).build());

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("mercureAuthorization=").contains("Path=/.well-known/mercure", "HttpOnly", "SameSite=Strict")
                .doesNotContain("Secure")); // plain HTTP here; Secure over TLS
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("herald-visitor=").contains("Path=/", "HttpOnly"));
        // The page subscribes to its visitor's own topic (the public id, never the cookie's secret).
        Browser browser = visit();
        HttpResponse<String> again = app().send(HttpRequest.newBuilder(app().uri("/notifications"))
                .header("Cookie", browser.cookies()).build());
        assertThat(again.body()).contains(URLEncoder.encode(browser.topic(), StandardCharsets.UTF_8)).doesNotContain(browser.visitor());
    }

    @Test
    void aVisitorsOwnNotificationReachesOnlyThatVisitorLiveAndReplayed() {
        Browser alice = visit();
        Browser bob = visit();
        String before = position();

        try (SseRecorder alicesStream = subscribe(alice.topic(), before, alice.cookies());
             SseRecorder bobsStream = subscribe(alice.topic(), before, bob.cookies());
             SseRecorder anonymous = subscribe(alice.topic(), before, null)) {
            assertThat(post(alice, "title", "Alice's secret", "only_me", "on").statusCode()).isEqualTo(201);
            app().postNotification("For everyone", "");

            assertThat(alicesStream.nextMessage().data()).contains("Alice's secret");
            assertThat(alicesStream.nextMessage().data()).contains("For everyone");
            // The public one comes last: had the private one been sent to them, it would come first.
            assertThat(bobsStream.nextMessage().data()).contains("For everyone");
            assertThat(anonymous.nextMessage().data()).contains("For everyone");
        }

        try (SseRecorder alicesReplay = subscribe(alice.topic(), before, alice.cookies());
             SseRecorder bobsReplay = subscribe(alice.topic(), before, bob.cookies());
             SseRecorder anonymousReplay = subscribe(alice.topic(), before, null)) {
            assertThat(alicesReplay.nextMessage().data()).contains("Alice's secret");
            assertThat(bobsReplay.nextMessage().data()).contains("For everyone");
            assertThat(anonymousReplay.nextMessage().data()).contains("For everyone");
        }

        assertThat(page(alice)).contains("Alice's secret");
        assertThat(page(bob)).doesNotContain("Alice's secret");
        assertThat(app().get("/notifications").body()).doesNotContain("Alice's secret");
    }

    private String page(Browser browser) {
        return app().send(HttpRequest.newBuilder(app().uri("/notifications")).header("Cookie", browser.cookies()).build()).body();
    }

    /** The hub position a page rendered now subscribes from. */
    private String position() {
        Matcher position = Pattern.compile("lastEventID=(%23[0-9a-z]{8}%3A[0-9]+)").matcher(app().get("/notifications").body());
        assertThat(position.find()).isTrue();
        return java.net.URLDecoder.decode(position.group(1), StandardCharsets.UTF_8);
    }
}
