package dev.herald.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link TestApp} for each test, in a data directory of its own, closed and deleted after
 * it: {@code @RegisterExtension final AppPerTest running = new AppPerTest();}.
 */
public final class AppPerTest implements BeforeEachCallback, AfterEachCallback {

    private Path dataDir;
    private TestApp app;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("herald-app-test-");
        app = TestApp.start(dataDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            app.close();
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The running app of the current test. */
    public TestApp app() {
        return app;
    }
}
