package dev.herald.jetty;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the chunks of an HTTP/1.1 chunked response straight to its connection's {@link EndPoint},
 * one gathering write per chunk, between the response's head and its end, which Jetty writes.
 *
 * <p>It keeps Jetty's own framing: Jetty ends a chunk with its CRLF only when the next one starts
 * (or with the last chunk, {@code CRLF 0 CRLF CRLF}), so after Jetty wrote a head with content a
 * chunk is always open. Each chunk here is {@code CRLF <size in hex> CRLF <bytes>}, leaving its own
 * open in turn, and Jetty's last write closes it as it would close its own.
 */
final class ChunkWriter {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final EndPoint endPoint;
    // CRLF, up to 8 hex digits, CRLF: reused, as a stream has one write pending at most.
    private final ByteBuffer head = ByteBuffer.allocate(12);

    private ChunkWriter(EndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /**
     * The writer for {@code response} once Jetty wrote its head with content, or {@code null} when
     * its chunks must go through Jetty: not HTTP/1.1, not chunked (an HTTP/1.0 client's response ends
     * with the connection), or a response some handler wrapped (it may change what is written).
     */
    static ChunkWriter after(Request request, Response response) {
        if (Response.getOriginalResponse(response) != response
                || !(request.getConnectionMetaData().getConnection() instanceof HttpConnection http)) {
            return null;
        }
        HttpGenerator generator = http.getGenerator();
        return generator.isChunking() && generator.isState(HttpGenerator.State.COMMITTED)
                ? new ChunkWriter(http.getEndPoint()) : null;
    }

    /** Writes {@code bytes} as one chunk; {@code callback} completes when the connection took them. */
    void write(ByteBuffer bytes, Callback callback) {
        int size = bytes.remaining();
        if (size == 0) {
            callback.succeeded(); // an empty chunk would end the response
            return;
        }
        head.clear().put((byte) '\r').put((byte) '\n');
        for (int shift = (31 - Integer.numberOfLeadingZeros(size)) / 4 * 4; shift >= 0; shift -= 4) {
            head.put(HEX[(size >>> shift) & 0xF]);
        }
        head.put((byte) '\r').put((byte) '\n').flip();
        endPoint.write(callback, head, bytes);
    }
}
