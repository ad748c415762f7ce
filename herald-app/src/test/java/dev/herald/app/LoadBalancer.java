package dev.herald.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP load balancer in front of app nodes, as a test needs one: every new connection goes to the
 * first node still up (a primary with backups), its bytes relayed both ways untouched.
 * {@link #kill} is what a browser sees when a node dies: every connection to it is reset at once,
 * and new connections go to the next node.
 */
final class LoadBalancer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<URI> up;
    /** Each client connection and the node connection it is relayed to, by node. */
    private final Map<URI, Set<Socket>> open = new ConcurrentHashMap<>();

    private LoadBalancer(ServerSocket listener, List<URI> nodes) {
        this.listener = listener;
        this.up = new CopyOnWriteArrayList<>(nodes);
        Thread.ofVirtual().name("load-balancer").start(this::accept);
    }

    /** Listens on an ephemeral loopback port for connections to {@code nodes}, in order of preference. */
    static LoadBalancer start(List<URI> nodes) {
        try {
            return new LoadBalancer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), nodes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code path} on the balancer, as a browser addresses the service. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort()).resolve(path);
    }

    /** Takes {@code node} out and resets every connection to it, both ways, as its death would. */
    void kill(URI node) {
        up.remove(node);
        for (Socket socket : open.getOrDefault(node, Set.of())) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // already closed: nothing left to reset
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        URI node = up.isEmpty() ? null : up.getFirst();
        if (node == null) {
            close(client);
            return;
        }
        Socket server = new Socket();
        Set<Socket> sockets = open.computeIfAbsent(node, n -> ConcurrentHashMap.newKeySet());
        sockets.add(client);
        sockets.add(server);
        try (client; server) {
            server.connect(new InetSocketAddress(node.getHost(), node.getPort()));
            Thread back = Thread.ofVirtual().start(() -> pump(server, client));
            pump(client, server);
            back.join();
        } catch (IOException e) {
            // the node refused or went away: the client's connection ends with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.remove(client);
            sockets.remove(server);
        }
    }

    /** Copies until {@code from} ends, then ends what is sent to {@code to}. */
    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            close(to); // one side broke: so does the other
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        open.keySet().forEach(this::kill);
    }
}
