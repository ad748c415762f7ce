package dev.herald.app.jobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Records each byte count the upload's bar shows, and its total, in the tab's session storage:
     * read on the job's page, where the upload ended.
     */
    private static final String RECORD_UPLOAD = """
            const note = () => {
              const bar = document.querySelector('#upload-progress:not([hidden]) progress')
              const sent = JSON.parse(sessionStorage.getItem('sent') || '[]')
              if (bar && sent.at(-1) !== bar.value) {
                sessionStorage.setItem('sent', JSON.stringify([...sent, bar.value]))
                sessionStorage.setItem('total', bar.max)
              }
            }
            new MutationObserver(note).observe(document, {subtree: true, childList: true, attributes: true, characterData: true})
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

    /**
     * The browser sends at 400 kB/s (Chromium's network emulation), so that the 1.8 MB file takes
     * seconds to go: the form shows the bytes sent and a bar that rises to the total, then the job's
     * page its own progress. Both dialects (htmx 4 sends with fetch, which reports no upload progress).
     */
    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "htmx {0}, {1}x{2}")
    @CsvSource({"2, 1280, 900", "4, 390, 844"})
    void anUploadShowsTheBytesSentThenTheJobsOwnProgress(String dialect, int width, int height, Browser browser) {
        int bytes = 1_800_000;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))) {
            context.setDefaultTimeout(BrowserKit.TIMEOUT.toMillis());
            Page page = context.newPage();
            page.addInitScript(RECORD_UPLOAD);
            page.navigate(app.uri("/jobs?htmx=" + dialect).toString());
            throttleUploads(context, page, 400_000);
            page.locator("#file").setInputFiles(new FilePayload("server-access.log", "text/plain", text(bytes)));

            page.getByText("Upload and analyse").click();

            page.waitForFunction("() => { const bar = document.querySelector('#upload-progress progress');"
                    + " return bar && bar.value > bar.max / 3 && bar.value < bar.max }");
            assertThat(page.locator("#upload-progress [data-upload-bytes]")).containsText(" of 1.7 MiB");
            BrowserKit.screenshot(page, "upload-progress-" + (width < 500 ? "phone" : "desktop"));
            page.waitForURL("**/jobs/1");
            page.waitForFunction("() => +document.querySelector('#job-progress [role=progressbar]').getAttribute('aria-valuenow') > 0");
            assertThat(page.locator("#job-status")).hasAttribute("data-status", java.util.regex.Pattern.compile("running|done"));

            List<Long> sent = ((List<Number>) page.evaluate("() => JSON.parse(sessionStorage.getItem('sent'))")).stream()
                    .map(Number::longValue).toList();
            long total = ((Number) page.evaluate("() => +sessionStorage.getItem('total')")).longValue();
            Assertions.assertThat(total).as("the request's size: the file and its multipart envelope").isBetween((long) bytes, bytes + 1024L);
            Assertions.assertThat(sent).as("bytes sent, as shown").isSorted().endsWith(total);
            Assertions.assertThat(sent.stream().filter(n -> n > 0 && n < total).count()).as("counts shown on the way: " + sent)
                    .isGreaterThan(5);
        }
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
    void aJobsBarHasTheSameColourInTheListAndOnItsPage_oneColourPerStatus(BrowserContext context) {
        app.upload("/jobs", "small.txt", text(2_000));
        app.upload("/jobs", "zeros.bin", new byte[FILE_BYTES]);
        Page page = open(context, "/jobs/1");
        assertThat(page.locator("#job-status")).hasAttribute("data-status", "done");
        String done = fill(page.locator("#job-progress progress.bar"));
        page.navigate(app.uri("/jobs/2").toString());
        page.getByText("Cancel").click();
        assertThat(page.locator("#job-status")).hasAttribute("data-status", "cancelled");
        String cancelled = fill(page.locator("#job-progress progress.bar"));

        page.navigate(app.uri("/jobs").toString());

        Assertions.assertThat(fill(page.locator("#job-row-1 progress.bar"))).isEqualTo(done).isEqualTo(cssVariable(page, "--ok"));
        Assertions.assertThat(fill(page.locator("#job-row-2 progress.bar"))).isEqualTo(cancelled).isEqualTo(cssVariable(page, "--off"));
    }

    /** The colour a progress bar fills with. */
    private static String fill(com.microsoft.playwright.Locator bar) {
        return ((String) bar.evaluate("e => getComputedStyle(e).getPropertyValue('--fill')")).strip();
    }

    private static String cssVariable(Page page, String name) {
        return ((String) page.evaluate("n => getComputedStyle(document.documentElement).getPropertyValue(n)", name)).strip();
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

    /** Chromium sends this page's requests at most {@code bytesPerSecond}; downloads and latency as they are. */
    private static void throttleUploads(BrowserContext context, Page page, int bytesPerSecond) {
        CDPSession devTools = context.newCDPSession(page);
        devTools.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", 0);
        conditions.addProperty("downloadThroughput", -1);
        conditions.addProperty("uploadThroughput", bytesPerSecond);
        devTools.send("Network.emulateNetworkConditions", conditions);
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
