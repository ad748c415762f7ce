package dev.herald.app.agent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.herald.app.agent.provider.AnthropicWire.blockStop;
import static dev.herald.app.agent.provider.AnthropicWire.error;
import static dev.herald.app.agent.provider.AnthropicWire.inputJsonDelta;
import static dev.herald.app.agent.provider.AnthropicWire.messageDelta;
import static dev.herald.app.agent.provider.AnthropicWire.messageStart;
import static dev.herald.app.agent.provider.AnthropicWire.messageStop;
import static dev.herald.app.agent.provider.AnthropicWire.textDelta;
import static dev.herald.app.agent.provider.AnthropicWire.textStart;
import static dev.herald.app.agent.provider.AnthropicWire.toolUseStart;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.herald.app.TestApp;
import dev.herald.app.agent.provider.AnthropicWire;
import dev.herald.app.agent.provider.FakeSseServer;
import dev.herald.testing.BrowserKit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The run page with the Anthropic provider configured, against a loopback server speaking its stream. */
@ExtendWith(BrowserKit.class)
class AgentProviderPageTest {

    private static final Duration BEAT = Duration.ofMillis(40);

    @TempDir
    Path dataDir;
    private FakeSseServer anthropic;
    private TestApp app;

    @BeforeEach
    void start() {
        anthropic = FakeSseServer.start();
        app = TestApp.start(dataDir, Map.of(
                "ANTHROPIC_API_KEY", "test-key",
                "HERALD_ANTHROPIC_BASE_URL", anthropic.baseUrl(""),
                "HERALD_ANTHROPIC_MODEL", AnthropicWire.MODEL));
    }

    @AfterEach
    void stop() {
        app.close();
        anthropic.close();
    }

    @Test
    void aModelsStreamedAnswerAndToolUseShowInThePage(BrowserContext context) {
        app.postNotification("Deploy finished", "");
        anthropic.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(120), textStart(0), textDelta(0, "I'll"), BEAT, textDelta(0, " check"), BEAT,
                textDelta(0, " your notifications."), blockStop(0),
                toolUseStart(1, "toolu_01", "search_notifications"), inputJsonDelta(1, "{\"query\": "), BEAT,
                inputJsonDelta(1, "\"deploy\"}"), blockStop(1), messageDelta("tool_use", 30), messageStop())));
        anthropic.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(200), textStart(0), textDelta(0, "One"), BEAT, textDelta(0, " notification:"), BEAT,
                textDelta(0, " \"Deploy finished\"."), blockStop(0), messageDelta("end_turn", 12), messageStop())));

        Page page = AgentPageTest.ask(context, app, "Anything about deploys?");

        assertThat(page.locator(".banner-done")).hasText("Done · 320 tokens in, 42 out");
        assertThat(page.locator(".run-agent")).hasText("Anthropic " + AnthropicWire.MODEL);
        assertThat(page.locator(".tool-card .tool-input")).hasText("{\"query\":\"deploy\"}");
        assertThat(page.locator(".tool-card .tool-output")).containsText("\"title\" : \"Deploy finished\"");
        assertThat(page.locator("#output")).containsText("One notification: \"Deploy finished\".");
        BrowserKit.screenshot(page, "agent-run-anthropic");
    }

    @Test
    void aProviderErrorMidStreamShowsAReadableMessage(BrowserContext context) {
        anthropic.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(10), textStart(0), textDelta(0, "Let me"), BEAT, textDelta(0, " think"), BEAT,
                error("overloaded_error", "Overloaded"))));

        Page page = AgentPageTest.ask(context, app, "hi");

        assertThat(page.locator(".run-error-message")).hasText(
                "Anthropic is overloaded or unavailable (overloaded_error, in the stream): Overloaded. Try again in a moment.");
        assertThat(page.locator(".banner-failed")).hasText("Failed");
        assertThat(page.locator("#output")).hasText("Let me think");
        BrowserKit.screenshot(page, "agent-run-error");
    }

    @Test
    void withHtmx4TheErrorShowsInTheAskPageTheFormsOwnResponseStreamedTo(BrowserContext context) {
        anthropic.reply(new FakeSseServer.Reply.Stream(FakeSseServer.steps(
                messageStart(10), textStart(0), textDelta(0, "Let me"), BEAT, textDelta(0, " <b>think</b>"), BEAT,
                error("overloaded_error", "Overloaded"))));
        Page page = context.newPage();
        page.navigate(app.uri("/agent?htmx=4").toString());

        page.locator("#prompt").fill("hi");
        page.locator("form.ask button[type=submit]").click();

        assertThat(page.locator(".run-error-message")).hasText(
                "Anthropic is overloaded or unavailable (overloaded_error, in the stream): Overloaded. Try again in a moment.");
        assertThat(page.locator(".banner-failed")).hasText("Failed");
        assertThat(page.locator("#output")).hasText("Let me <b>think</b>"); // markup from the model shows as text
        assertThat(page.locator("form.ask")).hasAttribute("data-sse-state", "closed");
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/agent?htmx=4");
        BrowserKit.screenshot(page, "agent-htmx4-error");
    }
}
