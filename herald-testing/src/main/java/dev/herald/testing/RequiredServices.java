package dev.herald.testing;

import java.nio.file.Files;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that a service a test needs (Chromium; later Redis, PostgreSQL) is there. When it is not,
 * the test is skipped with the reason printed — unless {@value #REQUIRE_VARIABLE}{@code =1}, as in
 * CI, where a missing service fails the test instead of silently testing less.
 */
public final class RequiredServices {

    /** Set to {@code 1} to fail, rather than skip, tests whose services are missing. */
    public static final String REQUIRE_VARIABLE = "HERALD_REQUIRE_SERVICES";

    private RequiredServices() {
    }

    /** Requires Debian's Chromium at {@link BrowserKit#CHROMIUM}. */
    public static void chromium() {
        require("Chromium", Files.isExecutable(BrowserKit.CHROMIUM),
                BrowserKit.CHROMIUM + " is not an executable file (apt-get install chromium)");
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
