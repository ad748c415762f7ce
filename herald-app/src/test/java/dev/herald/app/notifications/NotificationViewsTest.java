package dev.herald.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.sse.SseEncoder;
import dev.herald.sse.SseEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationViewsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    private final NotificationViews views = new NotificationViews(JteRenderer.precompiled());

    @Test
    void anItemIsExactlyOneListElementWithAStableId() {
        String item = views.item(new Notification(42, "Deploy", "", T0, null));

        assertThat(item).startsWith("<li class=\"card notification unread\" id=\"notification-42\">").endsWith("</li>");
    }

    @Test
    void userTextIsEscaped() {
        String item = views.item(new Notification(1, "<script>alert(1)</script>", "a & b <b>bold</b>", T0, null));

        assertThat(item)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a &amp; b &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void aMultiLineBodyKeepsEveryLineAndTheStreamCarriesEachAsADataLine() {
        String item = views.item(new Notification(7, "Report", "first\nsecond\n\nfourth", T0, null));

        assertThat(item).contains("<p class=\"notification-body\">first\nsecond\n\nfourth</p>");
        assertThat(SseEncoder.encodeToString(SseEvent.message("notification", item)))
                .contains("data:     <p class=\"notification-body\">first\ndata: second\ndata: \ndata: fourth</p>\n");
    }

    @Test
    void anItemWithoutBodyHasNoBodyParagraph() {
        assertThat(views.item(new Notification(3, "Title only", "", T0, null))).doesNotContain("notification-body");
    }

    @Test
    void thePageSubscribesFromItsPositionAndHoldsTheHiddenOutOfBandHandler() {
        NotificationsPage page = new NotificationsPage("k3x9a0b1:17", List.of(new Notification(5, "Old", "", T0, null)), 1,
                List.of(new Notification(6, "Mine", "", T0, null)));
        PageStream stream = Htmx.builder(Hub.builder().build()).build()
                .page(page.position(), NotificationService.TOPICS,
                        List.of(NotificationsPage.ITEMS, NotificationsPage.READ, Unread.CONTRACT, NotificationsPage.MINE));
        String html = views.page(page, stream);

        assertThat(html)
                .contains("hx-ext=\"sse\" sse-connect=\"/.well-known/mercure?topic=notifications&amp;topic=notifications%2Funread&amp;lastEventID=k3x9a0b1%3A17\"")
                .contains("<ul class=\"notifications\" aria-live=\"polite\" id=\"notifications\" sse-swap=\"notification\" hx-swap=\"afterbegin\">")
                .contains("id=\"notification-5\"")
                .contains("<ul class=\"notifications\" aria-live=\"polite\" id=\"my-notifications\" sse-swap=\"my-notification\" hx-swap=\"afterbegin\">")
                .contains("id=\"notification-6\"")
                .contains("<span id=\"unread-count\" class=\"badge\" aria-label=\"unread\">1</span>")
                .contains("<div sse-swap=\"read,unread,herald-snapshot\" hx-swap=\"none\" hidden></div>")
                .doesNotContain("https://", "http://");
    }
}
