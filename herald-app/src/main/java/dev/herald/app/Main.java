package dev.herald.app;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the app: {@code java -jar herald-app.jar}, settings from environment variables
 * ({@code --help} lists them). Exit codes: 0 after {@code --help}, 2 for a bad argument or setting,
 * 1 when the app cannot start; SIGTERM or Ctrl-C stop it gracefully, and the JVM exits with 128 plus
 * the signal's number, as any does (143, 130).
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_START = 1;
    static final int EXIT_USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err, Main::serveUntilStopped);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Parses {@code args} and {@code environment}, starts the app and hands it to {@code started};
     * returns the exit code.
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                   Consumer<App> started) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(AppConfig.help());
            return EXIT_OK;
        }
        if (!arguments.isEmpty()) {
            err.println("Unknown argument: " + arguments.getFirst() + " (settings come from environment variables; see --help)");
            return EXIT_USAGE;
        }
        AppConfig config;
        try {
            config = AppConfig.from(environment);
        } catch (AppConfig.InvalidSettingException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        }
        App app;
        try {
            app = App.start(config);
        } catch (RuntimeException e) {
            err.println("Cannot start: " + e.getMessage());
            log.debug("start failure", e);
            return EXIT_CANNOT_START;
        }
        log.info("Herald app serving {} on {}", app.uri(), app.database());
        started.accept(app);
        return EXIT_OK;
    }

    /** Serves until the JVM is asked to stop (SIGTERM, Ctrl-C), then closes the app gracefully. */
    private static void serveUntilStopped(App app) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("herald-shutdown").unstarted(() -> {
            log.info("Stopping: closing streams, then the database");
            app.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
