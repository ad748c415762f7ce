package dev.herald.jetty;

import dev.herald.stream.StreamSink;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A stream's {@link StreamSink} on a Jetty response, with this as the callback of every write (one
 * object per stream, nothing allocated per write). The handler's callback completes the response —
 * succeeded after the last write, failed by {@link #abort}, which resets the connection (HTTP/1.1)
 * or the stream (HTTP/2).
 *
 * <p>The first write (the response's head and the stream's opening) and the last go through
 * {@link Response#write}. Between them, on an HTTP/1.1 chunked response, each write is one chunk
 * written straight to the connection's {@link EndPoint} ({@link ChunkWriter}): Jetty's response
 * path costs about as much again as the system call per write (it looks the Content-Length up in
 * the response's headers, runs its generator and serialises the completion), which at 100k
 * deliveries a second is most of the writers' time.
 */
final class JettySink implements StreamSink, Callback {

    private final Request request;
    private final Response response;
    private final Callback handlerCallback;
    private final AtomicBoolean completed = new AtomicBoolean();
    private HttpStream stream; // set at once by the wrapper hook
    private long idleTimeout;
    // One write at a time: set before it starts, read when it completes (on any thread).
    private volatile Completion completion;
    private volatile boolean last;
    private volatile boolean opening = true;
    private volatile ChunkWriter chunks; // set when the opening was written, on an HTTP/1.1 chunked response

    JettySink(Request request, Response response, Callback handlerCallback) {
        this.request = request;
        this.response = response;
        this.handlerCallback = handlerCallback;
    }

    /**
     * Turns the request's idle timeout off until the stream ends: the writer finds stalled writes
     * and gone peers itself ({@link dev.herald.stream.StreamWriter}), and Jetty's idle timer — a
     * scheduled task per connection, re-armed every idle timeout — would only cost. Restored if
     * the connection goes on after the stream.
     */
    void takeOverIdleTimeout(Request request) {
        request.addHttpStreamWrapper(httpStream -> {
            stream = httpStream;
            idleTimeout = httpStream.getIdleTimeout();
            httpStream.setIdleTimeout(0);
            return httpStream;
        });
    }

    @Override
    public void write(ByteBuffer bytes, boolean last, Completion completion) {
        this.completion = completion;
        this.last = last;
        if (opening) {
            // Jetty leaves a chunk open after a head written with content: later chunks follow its rule.
            boolean chunksMayFollow = !last && bytes.hasRemaining();
            opening = false;
            response.write(last, bytes, chunksMayFollow ? Callback.from(InvocationType.NON_BLOCKING, this::opened, this::failed) : this);
        } else if (chunks != null && !last) {
            chunks.write(bytes, this);
        } else {
            response.write(last, bytes, this);
        }
    }

    private void opened() {
        chunks = ChunkWriter.after(request, response);
        succeeded();
    }

    @Override
    public void abort(Throwable cause) {
        if (completed.compareAndSet(false, true)) {
            handlerCallback.failed(cause);
        }
    }

    /** The write completed: the response too, if it was the last. */
    @Override
    public void succeeded() {
        Completion written = completion;
        if (last && completed.compareAndSet(false, true)) {
            stream.setIdleTimeout(idleTimeout);
            handlerCallback.succeeded();
        }
        written.written();
    }

    @Override
    public void failed(Throwable cause) {
        completion.failed(cause);
    }

    /** Completing only hands the stream back to its writer thread: Jetty may call it on a selector thread. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
