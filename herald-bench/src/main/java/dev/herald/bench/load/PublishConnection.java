package dev.herald.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One keep-alive HTTP/1.1 connection that publishes: requests are written as they are due, without
 * waiting for the answers to earlier ones (pipelining, as sseload does), and a reader thread counts
 * the answers as they come back, in order. A connection the server closed is opened again at the
 * next request; requests it had not answered are lost, and stay unanswered.
 */
final class PublishConnection implements AutoCloseable {

    private final InetSocketAddress server;
    private final String name;
    private final Answers answers;
    /** When each request not yet answered was written, in order: the answers come in that order. */
    private final Queue<Long> sentAt = new ConcurrentLinkedQueue<>();
    private SocketChannel channel; // the writing thread's

    PublishConnection(InetSocketAddress server, String name, Answers answers) {
        this.server = server;
        this.name = name;
        this.answers = answers;
    }

    /** Writes one request whole; false if and only if the connection failed (the request is lost). */
    boolean send(ByteBuffer request) {
        try {
            if (channel == null || !channel.isOpen()) {
                open();
            }
            sentAt.add(System.nanoTime());
            while (request.hasRemaining()) {
                channel.write(request);
            }
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is best effort: the socket is gone either way
            }
        }
    }

    private void open() throws IOException {
        sentAt.clear(); // requests the closed connection had not answered never will be
        SocketChannel opened = SocketChannel.open();
        opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
        opened.connect(server);
        channel = opened;
        Thread.ofPlatform().name(name).daemon().start(() -> read(opened));
    }

    /** Counts the answers until the server closes the connection. */
    private void read(SocketChannel from) {
        ResponseStream responses = new ResponseStream(status -> {
            Long sent = sentAt.poll();
            answers.answered(status, sent == null ? System.nanoTime() : sent);
        });
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer.clear()) >= 0) {
                responses.read(buffer.array(), 0, buffer.position());
            }
        } catch (IOException | RuntimeException e) {
            // the connection failed or was closed: the next request opens another
        } finally {
            try {
                from.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
