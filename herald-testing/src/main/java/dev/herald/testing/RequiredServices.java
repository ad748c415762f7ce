package dev.herald.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that a service a test needs (Chromium, PostgreSQL, Redis) is there. When it is not,
 * the test is skipped with the reason printed — unless {@value #REQUIRE_VARIABLE}{@code =1}, as in
 * CI, where a missing service fails the test instead of silently testing less.
 */
public final class RequiredServices {

    /** Set to {@code 1} to fail, rather than skip, tests whose services are missing. */
    public static final String REQUIRE_VARIABLE = "HERALD_REQUIRE_SERVICES";

    /** The shared PostgreSQL server's port on the loopback address. */
    public static final int POSTGRESQL_PORT = 5432;
    /** The shared Redis server's port on the loopback address. */
    public static final int REDIS_PORT = 6379;

    private RequiredServices() {
    }

    /** Requires Debian's Chromium at {@link BrowserKit#CHROMIUM}. */
    public static void chromium() {
        require("Chromium", Files.isExecutable(BrowserKit.CHROMIUM),
                BrowserKit.CHROMIUM + " is not an executable file (apt-get install chromium)");
    }

    /** Requires PostgreSQL on 127.0.0.1:{@value #POSTGRESQL_PORT} (trust auth for the user {@code postgres}, as in CI). */
    public static void postgresql() {
        require("PostgreSQL", listening(POSTGRESQL_PORT),
                "nothing listens on 127.0.0.1:" + POSTGRESQL_PORT + " (.ci/run starts it)");
    }

    /** Requires Redis on 127.0.0.1:{@value #REDIS_PORT}. */
    public static void redis() {
        require("Redis", listening(REDIS_PORT), "nothing listens on 127.0.0.1:" + REDIS_PORT + " (.ci/run starts it)");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Skips (or, when required, fails) the calling test unless {@code available}.
     *
     * @param service   what is needed, such as "Chromium"
     * @param available whether it is there
     * @param why       one line saying what is missing and how to get it
     */
    public static void require(String service, boolean available, String why) {
        if (available) {
            return;
        }
        String reason = service + " is not available: " + why;
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            Assertions.fail(reason + " (" + REQUIRE_VARIABLE + "=1, so this fails instead of being skipped)");
        }
        System.out.println("SKIPPED: " + reason + " (set " + REQUIRE_VARIABLE + "=1 to fail instead)");
        Assumptions.abort(reason);
    }
}
