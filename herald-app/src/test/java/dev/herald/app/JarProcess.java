package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar in a process of its own, started as an operator does: {@code java -jar herald-app.jar}
 * on a free port of 127.0.0.1, settings in its environment, its output in a log file. For ITs: failsafe
 * runs them on the jar, which is where {@link #jar()} finds it.
 */
final class JarProcess implements AutoCloseable {

    /** How long a start may take on a busy machine; it is a few seconds on an idle one. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    /** The exit status of a JVM that SIGTERM stopped (128 + 15), shutdown hooks run. */
    static final int SIGTERM_STATUS = 143;

    private final Process process;
    private final URI base;
    private final Path log;

    private JarProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** The jar the app's classes were loaded from: herald-app.jar when failsafe runs the ITs. */
    static Path jar() {
        Path jar = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        assertThat(jar.toString()).as("failsafe runs this on the runnable jar").endsWith("herald-app.jar");
        return jar;
    }

    /**
     * Starts the jar with {@code settings} (HERALD_DATA_DIR among them) added to this process's environment;
     * serves HTTPS when they name a key store. Returns at once: see {@link #awaitReady(HttpClient)}.
     */
    static JarProcess start(Path log, Map<String, String> settings) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only the test's settings: none that the shell running the build happens to have.
        builder.environment().keySet().removeIf(name -> name.startsWith("HERALD_") || name.equals("ANTHROPIC_API_KEY"));
        builder.environment().putAll(settings);
        builder.environment().put("HERALD_HOST", "127.0.0.1");
        builder.environment().put("HERALD_PORT", Integer.toString(port));
        String scheme = settings.containsKey("HERALD_TLS_KEYSTORE") ? "https" : "http";
        return new JarProcess(builder.start(), URI.create(scheme + "://127.0.0.1:" + port + "/"), log);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** Waits until {@code /readyz} answers 200 through {@code client}; fails with the log if the process exits first. */
    void awaitReady(HttpClient client) {
        Await.until(base + " is ready", START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with status " + process.exitValue() + ":\n" + log());
            }
            return ready(client);
        });
    }

    /** Sends SIGTERM, as {@code kill} and a container runtime do, and waits for the process to end; returns its status. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("stopped after SIGTERM:\n" + log()).isTrue();
        return process.exitValue();
    }

    /** Kills the process with SIGKILL, as a crash would end it, and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** What the process wrote to standard output and error so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private boolean ready(HttpClient client) {
        try {
            return client.send(HttpRequest.newBuilder(uri("/readyz")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
