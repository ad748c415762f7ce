package dev.herald.redis;

import dev.herald.testing.Await;
import dev.herald.testing.RequiredServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A redis-server of a test's own, on a free port, without persistence: stopping it loses its data. */
final class RedisServer {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisServer start(Path dir) {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(dir, port);
    }

    static RedisServer start(Path dir, int port) {
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

    boolean alive() {
        return process.isAlive();
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Empties it, as a restart without persistence does, without closing connections. */
    void flushAll() {
        cli(port, "FLUSHALL");
    }

    /** What redis-cli prints for {@code command}, trimmed ("" when it failed). */
    private static String cli(int port, String command) {
        try {
            Process cli = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port), command)
                    .redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return cli.waitFor(10, TimeUnit.SECONDS) && cli.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Kills it (SIGKILL: a crash) and waits until it is gone. */
    void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Await.until("redis-server on " + port + " is gone", () -> !listening(port));
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
