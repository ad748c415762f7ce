package dev.herald.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.TestApp;
import dev.herald.jetty.HeraldServer;
import dev.herald.sse.SseEvent;
import dev.herald.testing.SseRecorder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ask form's POST answered with the run's event stream itself (htmx 4's {@code hx-post}), and
 * the request key that makes the same POST resume its run instead of starting another.
 */
class AgentStreamHttpTest {

    private static final String KEY = "k3yK3yk3yK3yk3yK3y-_";
    /** A piece of answer text as a chunk or a static answer carries it (tool cards' spans have attributes). */
    private static final Pattern TEXT = Pattern.compile("<span>([^<]*)</span>");

    @TempDir
    Path dataDir;
    @AutoClose
    private TestApp app;

    private SseRecorder ask(String prompt, String key, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri("/agent/runs"))
                .header(HeraldServer.REQUEST_HEADER, "test")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html, text/event-stream") // what htmx 4's SSE extension sends
                .POST(HttpRequest.BodyPublishers.ofString("prompt=" + URLEncoder.encode(prompt, StandardCharsets.UTF_8)
                        + "&key=" + key));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return SseRecorder.send(app.client(), request.build());
    }

    /** The messages up to and including the done event; the stream must end after it. */
    private static List<SseEvent.Message> untilDone(SseRecorder events) {
        List<SseEvent.Message> messages = new ArrayList<>();
        SseEvent.Message message;
        do {
            message = events.nextMessage();
            messages.add(message);
        } while (!"done".equals(message.type()));
        events.awaitEnd();
        return messages;
    }

    /** The answer text the messages carry: the run as first rendered (unnamed), then its chunks. */
    private static String text(List<SseEvent.Message> messages) {
        StringBuilder text = new StringBuilder();
        for (SseEvent.Message message : messages) {
            if (message.type() == null || message.type().equals("chunk")) {
                text.append(text(message.data()));
            }
        }
        return text.toString();
    }

    private static String text(String html) {
        StringBuilder text = new StringBuilder();
        Matcher m = TEXT.matcher(html);
        while (m.find()) {
            text.append(m.group(1));
        }
        return text.toString();
    }

    @Test
    void aPostThatAcceptsAnEventStreamIsAnsweredWithTheRunFirstThenItsEventsUntilDone() {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", "2"));
        app.postNotification("Deploy finished", "Version 2.4.1 is live.");

        try (SseRecorder events = ask("Which notifications mention \"deploy\"?", KEY)) {
            assertThat(events.response().statusCode()).isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            SseEvent.Message run = events.nextMessage();
            assertThat(run.type()).as("unnamed: htmx swaps it into the form's target").isNull();
            assertThat(run.id()).as("the position the run was read at").matches("#[0-9a-z]+:[0-9]+");
            assertThat(run.data())
                    .contains("<a href=\"/agent/runs/1\">Run 1</a>", "<p class=\"run-prompt\">Which notifications mention \"deploy\"?</p>")
                    .contains("id=\"output\" data-herald-swap=\"chunk\" hx-swap=\"beforeend\"")
                    .contains("data-herald-swap=\"tool,tool_result,error,done,herald-snapshot\" hx-swap=\"none\" hidden")
                    .contains("<div hx-swap-oob=\"outerHTML:#ask-fields\" id=\"ask-fields\" class=\"ask-fields\">")
                    .doesNotContain("hx-sse:connect", KEY);

            List<SseEvent.Message> rest = untilDone(events);

            assertThat(rest).extracting(SseEvent.Message::type).contains("tool", "tool_result", "chunk").endsWith("done");
            List<SseEvent.Message> all = new ArrayList<>(List.of(run));
            all.addAll(rest);
            assertThat(text(all)).contains("1 notification mentions \"deploy\":\n- Deploy finished")
                    .isEqualTo(text(rest.getLast().data()));
        }
    }

    @Test
    void theSamePostWithLastEventIdResumesTheRunAfterItWithNothingLostOrDoubled() {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", "15"));
        app.postNotification("One", "first");
        app.postNotification("Two", "second");
        List<SseEvent.Message> before = new ArrayList<>();
        try (SseRecorder events = ask("Give me an overview", KEY)) {
            before.add(events.nextMessage()); // the run
            while (before.size() < 12) {
                before.add(events.nextMessage());
            }
        } // the client goes away mid-run

        try (SseRecorder events = ask("Give me an overview", KEY, "Last-Event-ID", before.getLast().id())) {
            List<SseEvent.Message> after = untilDone(events);

            assertThat(after.getFirst().type()).as("no second copy of the run: the page has it").isNotNull();
            List<SseEvent.Message> all = new ArrayList<>(before);
            all.addAll(after);
            assertThat(text(all)).isEqualTo(text(after.getLast().data()));
            assertThat(all).extracting(SseEvent.Message::id).doesNotHaveDuplicates();
        }
        assertThat(app.get("/agent").body()).containsOnlyOnce("class=\"card run-item\"");
    }

    @Test
    void aLastEventIdWithAKeyNoRunHasStartsARunThatBeginsWithTheLiveRun() {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", "0"));

        try (SseRecorder events = ask("What time is it?", KEY, "Last-Event-ID", "#zzzzzzzz:99")) {
            SseEvent.Message run = events.nextMessage();

            assertThat(run.type()).isNull();
            assertThat(run.data()).contains("<a href=\"/agent/runs/1\">Run 1</a>");
            assertThat(untilDone(events).getLast().type()).isEqualTo("done");
        }
    }

    @Test
    void aRunThatIsOverIsAnsweredWithItsEndAndTheStreamEnds() {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", "0"));
        try (SseRecorder events = ask("What time is it?", KEY)) {
            untilDone(events);
        }

        try (SseRecorder events = ask("What time is it?", KEY)) {
            SseEvent.Message ended = events.nextMessage();
            SseEvent.Message done = events.nextMessage();
            events.awaitEnd();

            assertThat(ended.type()).isNull();
            assertThat(ended.data()).contains("class=\"banner banner-done\"", "It is ")
                    .doesNotContain("data-herald-swap", "ask-fields");
            assertThat(done.type()).isEqualTo("done");
        }
    }

    @Test
    void aRequestKeyStartsOneRunHoweverOftenItIsSentAndOnlyWithItsOwnPrompt() {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", "0"));

        HttpResponse<String> first = app.post("/agent/runs", "prompt", "What time is it?", "key", KEY);
        HttpResponse<String> again = app.post("/agent/runs", "prompt", "What time is it?", "key", KEY);
        HttpResponse<String> other = app.post("/agent/runs", "prompt", "Something else", "key", KEY);
        HttpResponse<String> bad = app.post("/agent/runs", "prompt", "What time is it?", "key", "short\r\nkey");

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).isEqualTo("The request key " + KEY + " already started run 1 with another prompt; "
                + "a new question needs a new key (reload the page).");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("The request key must be 16 to 64 letters, digits, '-' or '_' (the form's hidden \"key\" field).");
        assertThat(app.get("/agent").body()).containsOnlyOnce("class=\"card run-item\"");
    }

    @Test
    void theIndexPageWritesTheFormEachDialectNeeds() {
        app = TestApp.start(dataDir, Map.of("HERALD_AGENT_OFFLINE_DELAY_MS", "0"));

        String four = app.get("/agent?htmx=4").body();
        String two = app.get("/agent?htmx=2").body();

        assertThat(four).contains("<form class=\"ask\" method=\"post\" action=\"/agent/runs\" hx-post=\"/agent/runs\" "
                + "hx-target=\"#live-run\" hx-swap=\"innerHTML\"\n          hx-sse:close=\"done\" hx-config=\"sse.reconnect:true\" hx-disable=\"find .ask-submit\">");
        assertThat(two).contains("<form class=\"ask\" method=\"post\" action=\"/agent/runs\">").doesNotContain("hx-post=\"/agent/runs\"");
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(four);
        assertThat(key.find()).isTrue();
        assertThat(RequestKey.problem(key.group(1))).isNull();
        assertThat(app.get("/agent").body()).doesNotContain(key.group(1)); // a new key every render
    }
}
