package dev.herald.stream;

import java.nio.ByteBuffer;

/**
 * Where one stream's bytes go: a server binding's response, written without blocking. This is the
 * SPI a binding implements over its own completion mechanism — Jetty's {@code Callback}, a servlet
 * container's {@code WriteListener} — to let a {@link StreamWriter} write its streams.
 *
 * <p>The response's status and headers are the binding's business, set before the stream starts;
 * the sink only carries the body. The binding also tells the writer when it learns, on its own,
 * that the peer is gone ({@link StreamWriter.Stream#peerGone}).
 *
 * <p><b>Threading.</b> The writer calls {@link #write} and {@link #abort} from its own threads, one
 * call at a time per stream, and never writes while a write is pending. A binding completes a write
 * on any thread — often inside {@code write} itself, when the transport took the bytes at once.
 */
public interface StreamSink {

    /**
     * Starts writing {@code bytes}; when {@code last}, the response ends normally once they are
     * written (an HTTP/1.1 chunked response gets its last chunk; an HTTP/2 stream its end). Must not
     * block. Calls exactly one method of {@code completion}, exactly once: {@link Completion#written}
     * when the transport took the bytes (and, for the last write, the response is complete), or
     * {@link Completion#failed} when it never will — a peer that went away, a connection aborted.
     * The buffer is only read, never changed, and must not be kept after the completion.
     */
    void write(ByteBuffer bytes, boolean last, Completion completion);

    /**
     * Ends the response abnormally: the connection (HTTP/1.1) or stream (HTTP/2) is reset, so the
     * client sees a failure and reconnects; a pending write then fails. Idempotent, and a no-op
     * once a last write has completed.
     */
    void abort(Throwable cause);

    /**
     * How a write ends. Both methods are quick and non-blocking, safe to call on a binding's I/O
     * thread: they only tell the writer, which goes on on its own threads.
     */
    interface Completion {

        /** The bytes were taken by the transport. */
        void written();

        /** The bytes will never be written; the stream is over. */
        void failed(Throwable cause);
    }
}
