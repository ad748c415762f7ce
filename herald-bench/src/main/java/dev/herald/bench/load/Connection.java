package dev.herald.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One SSE subscriber: a non-blocking socket from its own source address to its server (one node of
 * several, when the server is several nodes), the GET that opens the stream, and the reading of the
 * response. Touched only by its {@link Reactor}'s thread.
 */
final class Connection implements EventScanner.Listener {

    enum Phase { CONNECTING, HEAD, STREAMING, CLOSED }

    private final Reactor reactor;
    private final InetSocketAddress source;
    private InetSocketAddress server;
    private final EventScanner scanner = new EventScanner(this);
    private final ChunkedBody chunkedBody = new ChunkedBody(scanner);
    private SocketChannel channel;
    private ResponseHead head;
    private Phase phase = Phase.CLOSED;
    private boolean resumeFromLastId;
    long events; // since the last reset
    private long comments;
    private Sequences sequences; // null: not tracked

    Connection(Reactor reactor, InetSocketAddress source, InetSocketAddress server) {
        this.reactor = reactor;
        this.source = source;
        this.server = server;
    }

    Reactor reactor() {
        return reactor;
    }

    InetSocketAddress server() {
        return server;
    }

    /** Where the next {@link #open} connects: another node, after this one's went away. */
    void moveTo(InetSocketAddress node) {
        server = node;
    }

    /** From now on, notes which events from sequence number {@code first} on arrive, and which twice. */
    void trackSequences(long first) {
        sequences = new Sequences(first);
    }

    /** The events tracked since {@link #trackSequences}; {@code null} when not tracked. */
    Sequences sequences() {
        return sequences;
    }

    Phase phase() {
        return phase;
    }

    /** Opens the stream; with {@code resume}, sends the last event id received so far. */
    void open(boolean resume) {
        resumeFromLastId = resume;
        scanner.restart();
        chunkedBody.restart();
        head = new ResponseHead();
        phase = Phase.CONNECTING;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            // Closing with a reset leaves no TIME_WAIT behind: storms can reuse the ports.
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.bind(source);
            if (channel.connect(server)) {
                sendRequest();
            } else {
                channel.register(reactor.selector(), SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException e) {
            fail();
        }
    }

    void onConnectable() {
        try {
            channel.finishConnect();
            sendRequest();
        } catch (IOException e) {
            fail();
        }
    }

    void onReadable(ByteBuffer buffer) {
        try {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                close(true);
                return;
            }
            read(buffer.array(), buffer.arrayOffset(), n);
        } catch (IOException | RuntimeException e) {
            fail();
        }
    }

    /** Closes the socket (with a reset); {@code byServer} when the server ended the stream. */
    void close(boolean byServer) {
        Phase was = phase;
        if (was == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is best effort: the socket is gone either way
            }
        }
        reactor.closed(was, byServer);
    }

    void resetCounts() {
        events = 0;
        comments = 0;
    }

    @Override
    public void onEvent(long sentMicros, long sequence) {
        if (sequences != null && !sequences.add(sequence)) {
            return; // a second copy: counted there, not as a delivery
        }
        if (reactor.recordEvent(sentMicros)) {
            events++;
        }
    }

    @Override
    public void onComment() {
        comments++;
        reactor.recordComment();
    }

    private void sendRequest() throws IOException {
        String lastId = resumeFromLastId ? scanner.lastId() : null;
        String request = "GET " + reactor.path() + " HTTP/1.1\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Accept: text/event-stream\r\n"
                + "Cache-Control: no-cache\r\n"
                + (lastId == null ? "" : "Last-Event-ID: " + lastId + "\r\n")
                + "\r\n";
        ByteBuffer bytes = ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1));
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                throw new IOException("a fresh socket did not take a " + request.length() + "-byte request");
            }
        }
        channel.register(reactor.selector(), SelectionKey.OP_READ, this);
        phase = Phase.HEAD;
    }

    private void read(byte[] bytes, int offset, int count) {
        if (phase == Phase.HEAD) {
            int taken = head.read(bytes, offset, count);
            if (taken < 0) {
                return;
            }
            if (head.status() != 200) {
                fail();
                return;
            }
            phase = Phase.STREAMING;
            reactor.streaming();
            offset += taken;
            count -= taken;
        }
        if (!head.chunked()) {
            scanner.scan(bytes, offset, count);
        } else if (!chunkedBody.read(bytes, offset, count)) {
            close(true);
        }
    }

    private void fail() {
        reactor.failed();
        close(false);
    }
}
