package dev.herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of a test's own, on a free loopback port, without persistence: stopping it loses
 * its data, as a crash of a Redis without persistence does. For tests that stop, restart or empty
 * Redis, which they must never do to the shared one ({@link RequiredServices#REDIS_PORT}).
 *
 * <pre>{@code
 * RedisServer redis = RedisServer.start(dir);          // skipped when redis-server is not installed
 * ... HERALD_REDIS_URL = redis.url() ...
 * redis.stop();                                         // SIGKILL: the data is gone
 * redis = RedisServer.start(dir, redis.port());         // back, empty, on the same port
 * }</pre>
 */
public final class RedisServer {

    /** Debian's redis-server. */
    public static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts one on a free port, its log in {@code dir}; returns once it answers. The test is
     * skipped (failed under {@value RequiredServices#REQUIRE_VARIABLE}{@code =1}) when
     * {@link #BINARY} is missing.
     */
    public static RedisServer start(Path dir) {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(dir, port);
    }

    /** Starts one on {@code port} (a restart: the port of one {@link #stop() stopped}), its log in {@code dir}. */
    public static RedisServer start(Path dir, int port) {
        RequiredServices.require("redis-server", Files.isExecutable(BINARY), BINARY + " is missing (apt-get install redis-server)");
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
            Await.until("redis-server answers on " + port, () -> "PONG".equals(cli(port, "PING")));
            return new RedisServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, as {@code HERALD_REDIS_URL} takes it. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Empties it, as a restart without persistence does, without closing connections. */
    public void flushAll() {
        cli(port, "FLUSHALL");
    }

    /** Kills it (SIGKILL: a crash) and waits until its port is free. */
    public void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Await.until("redis-server on " + port + " is gone", () -> !listening(port));
    }

    /** What redis-cli prints for {@code command}, trimmed ("" when it failed). */
    private static String cli(int port, String command) {
        try {
            Process cli = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), command)
                    .redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return cli.waitFor(10, TimeUnit.SECONDS) && cli.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
