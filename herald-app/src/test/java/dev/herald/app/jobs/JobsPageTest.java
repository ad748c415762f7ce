package dev.herald.app.jobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.herald.app.TestApp;
import dev.herald.testing.BrowserKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The jobs pages in Chromium, against the real app: what a person sees. */
@ExtendWith(BrowserKit.class)
class JobsPageTest {

    /** A 1 MB file read at 1 MB/s takes three seconds over its three stages: visibly gradual, still quick. */
    private static final int FILE_BYTES = 1_000_000;
    private static final String LIMIT = "2000000";

    /** Records every percentage the progress bar shows, from the first paint on. */
    private static final String RECORD_PROGRESS = """
            window.seen = []
            const note = () => {
              const bar = document.querySelector('#job-progress [role=progressbar]')
              if (bar && window.seen.at(-1) !== +bar.getAttribute('aria-valuenow')) window.seen.push(+bar.getAttribute('aria-valuenow'))
            }
            new MutationObserver(note).observe(document, {subtree: true, childList: true, attributes: true})
            """;

    @TempDir
    Path dataDir;
    private TestApp app;

    @BeforeEach
    void start() {
        // 400 kB/s over three passes of a 1 MB file: ~7 s a job, so a page opened (or a Cancel clicked)
        // after the upload still finds it running on a loaded machine; at 1 MB/s it was sometimes done first.
        app = TestApp.start(dataDir, Map.of("HERALD_JOB_READ_BYTES_PER_SECOND", "400000", "HERALD_UPLOAD_MAX_BYTES", LIMIT));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anUploadedFileIsProcessedToDoneWithProgressThatOnlyRises(BrowserContext context) {
        Page page = context.newPage();
        page.addInitScript(RECORD_PROGRESS);
        page.navigate(app.uri("/jobs").toString());

        page.locator("#file").setInputFiles(new FilePayload("words.txt", "text/plain", text(FILE_BYTES)));
        page.getByText("Upload and analyse").click();

        page.waitForURL("**/jobs/1");
        assertThat(page.locator("#job-status")).hasAttribute("data-status", "done", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(page.locator(".progress-percent")).hasText("100%");
        assertThat(page.locator(".lines")).hasText(Long.toString(FILE_BYTES / 20));
        assertThat(page.locator("#job main")).hasAttribute("data-sse-state", "closed"); // sse-close="done"
        assertThat(page.locator("#job-actions")).hasText("All jobs");
        List<Integer> seen = percentages(page);
        Assertions.assertThat(seen).as("percentages shown").isSorted().endsWith(100);
        Assertions.assertThat(seen.size()).as("distinct percentages shown: " + seen).isGreaterThan(5);
    }

    @Test
    void aCancelledJobShowsCancelled(BrowserContext context) {
        app.upload("/jobs", "zeros.bin", new byte[FILE_BYTES]);
        Page page = open(context, "/jobs/1");
        assertThat(page.locator("#job-status")).hasAttribute("data-status", "running");

        page.getByText("Cancel").click();

        assertThat(page.locator("#job-status")).hasAttribute("data-status", "cancelled");
        assertThat(page.locator(".job-error")).containsText("Cancelled at");
        assertThat(page.locator("#job main")).hasAttribute("data-sse-state", "closed");
        page.reload();
        assertThat(page.locator("#job-status")).hasAttribute("data-status", "cancelled");
    }

    @Test
    void aReloadedRunningJobShowsItsCurrentStateThenResumesLive(BrowserContext context) {
        app.upload("/jobs", "zeros.bin", new byte[FILE_BYTES]);
        Page page = open(context, "/jobs/1");
        page.waitForFunction("() => +document.querySelector('[role=progressbar]').getAttribute('aria-valuenow') >= 20");

        page.reload();

        int shownFirst = Integer.parseInt(page.locator("[role=progressbar]").getAttribute("aria-valuenow"));
        Assertions.assertThat(shownFirst).as("the reloaded page starts where the job is").isGreaterThanOrEqualTo(20);
        assertThat(page.locator("#job main")).hasAttribute("data-sse-state", "open");
        assertThat(page.locator("#job-status")).hasAttribute("data-status", "done");
        assertThat(page.locator(".progress-percent")).hasText("100%");
    }

    @Test
    void aFinishedJobsPageOpensNoStream(BrowserContext context) {
        app.upload("/jobs", "small.txt", text(1000));
        dev.herald.testing.Await.until("job 1 is done", () -> app.get("/jobs/1").body().contains("data-status=\"done\""));
        Page page = context.newPage();
        List<String> streams = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/.well-known/mercure")) {
                streams.add(request.url());
            }
        });

        page.navigate(app.uri("/jobs/1").toString());

        assertThat(page.locator("#job-status")).hasAttribute("data-status", "done");
        page.waitForLoadState();
        assertThat(page.locator("#job main")).not().hasAttribute("sse-connect", java.util.regex.Pattern.compile(".*"));
        Assertions.assertThat(streams).isEmpty();
    }

    @Test
    void anUploadOverTheLimitShowsWhyAndCreatesNoJob(BrowserContext context) {
        Page page = open(context, "/jobs");

        page.locator("#file").setInputFiles(new FilePayload("huge.bin", "application/octet-stream",
                new byte[Integer.parseInt(LIMIT) + 1]));
        page.getByText("Upload and analyse").click();

        assertThat(page.locator("#upload-error")).hasText("The file is larger than the limit of 1.9 MiB; nothing was stored.");
        assertThat(page.locator("#job-rows > li")).hasCount(0);
    }

    @Test
    void theListShowsNewJobsAndTheirProgressLive(BrowserContext context) {
        Page page = open(context, "/jobs");

        app.upload("/jobs", "first.bin", new byte[FILE_BYTES / 2]);
        app.upload("/jobs", "second.bin", new byte[FILE_BYTES / 2]);

        assertThat(page.locator("#job-rows > li")).hasCount(2);
        assertThat(page.locator("#job-rows > li").first()).hasId("job-row-2");
        assertThat(page.locator("#job-row-1 .status-badge")).hasText("done", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.locator("#job-row-2 .job-percent")).hasText("100%");
    }

    @Test
    void screenshotsOfTheListAndOfARunningAndAFinishedJob(BrowserContext context) {
        app.upload("/jobs", "access-2026-03.log", text(FILE_BYTES));
        app.upload("/jobs", "inventory.csv", text(FILE_BYTES / 4));
        Page page = open(context, "/jobs/1");
        page.waitForFunction("() => +document.querySelector('[role=progressbar]').getAttribute('aria-valuenow') >= 30");
        BrowserKit.screenshot(page, "job-running");
        page.navigate(app.uri("/jobs").toString());
        BrowserKit.screenshot(page, "jobs-list");
        page.navigate(app.uri("/jobs/1").toString());
        assertThat(page.locator("#job-status")).hasAttribute("data-status", "done");
        BrowserKit.screenshot(page, "job-done");
    }

    private Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(app.uri(path).toString());
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> percentages(Page page) {
        return ((List<Number>) page.evaluate("() => window.seen")).stream().map(Number::intValue).toList();
    }

    /** Text of {@code bytes} bytes in lines of 20: "word word word word\n". */
    private static byte[] text(int bytes) {
        return "alpha beta gamma de\n".repeat(bytes / 20).getBytes(StandardCharsets.US_ASCII);
    }
}
