package dev.herald.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a headless Debian Chromium driven by Playwright for Java, for tests that
 * assert on what a person sees.
 *
 * <p>{@code @ExtendWith(BrowserKit.class)}, then take a {@link Browser} or a {@link BrowserContext}
 * as a test (or lifecycle) method parameter. The browser is launched once per test class and
 * closed after it; a context is fresh for each parameter and closed after its method. When
 * Chromium is absent the class is skipped, or fails under
 * {@value RequiredServices#REQUIRE_VARIABLE}{@code =1} (see {@link RequiredServices}).
 *
 * <p>Playwright never downloads a browser: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} is set for
 * its driver, and the browser is {@link #CHROMIUM}.
 */
public final class BrowserKit implements BeforeAllCallback, ParameterResolver {

    /** Debian's Chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where {@link #screenshot} writes, relative to the module being tested. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Upper bound for Playwright's waits and assertions; they return as soon as they hold. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserKit.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == BrowserContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = running(context).browser;
        if (parameter.getParameter().getType() == Browser.class) {
            return browser;
        }
        BrowserContext browserContext = browser.newContext();
        browserContext.setDefaultTimeout(TIMEOUT.toMillis());
        context.getStore(NAMESPACE).put(parameter, (AutoCloseable) browserContext::close);
        return browserContext;
    }

    /**
     * Saves a full-page screenshot as {@code target/screenshots/<name>.png}, with CSS animations
     * run to their end (an item caught fading in would look broken).
     *
     * @return the file written
     */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
        return file;
    }

    /** The class's browser: launched by {@link #beforeAll}; a method's store finds it in its parent's. */
    private static Running running(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> Running.launch(), Running.class);
    }

    /** Playwright and its browser, closed together when the class's store closes. */
    private record Running(Playwright playwright, Browser browser) implements AutoCloseable {

        static Running launch() {
            RequiredServices.chromium();
            PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT.toMillis());
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
                return new Running(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
        }
    }
}
