package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsEverySettingAndExitsZero() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        assertThat(text(out)).isEqualTo(AppConfig.help()).contains("HERALD_PORT", "HERALD_HEARTBEAT_SECONDS");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void aBadValueIsOneLineNamingTheVariableAndTheValueAndExitsTwo() {
        int code = run(Map.of("HERALD_PORT", "abc"));

        assertThat(code).isEqualTo(2);
        assertThat(text(err)).isEqualTo("HERALD_PORT=abc is not valid: expected a port number 0-65535" + System.lineSeparator());
    }

    @Test
    void anUnknownArgumentExitsTwo() {
        assertThat(run(Map.of(), "--port=1")).isEqualTo(2);
        assertThat(text(err)).startsWith("Unknown argument: --port=1");
    }

    @Test
    void startsTheAppFromTheEnvironmentCreatingTheDatabaseInTheDataDirectory(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");
        AtomicReference<URI> served = new AtomicReference<>();

        int code = Main.run(new String[0],
                Map.of("HERALD_HOST", "127.0.0.1", "HERALD_PORT", "0", "HERALD_DATA_DIR", dataDir.toString()),
                print(out), print(err), app -> {
                    served.set(app.uri());
                    app.close();
                });

        assertThat(code).isZero();
        assertThat(served.get().getPort()).isPositive();
        assertThat(dataDir.resolve("herald.db")).exists();
    }

    private int run(Map<String, String> environment, String... args) {
        return Main.run(args, environment, print(out), print(err), app -> {
            throw new AssertionError("should not have started");
        });
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
