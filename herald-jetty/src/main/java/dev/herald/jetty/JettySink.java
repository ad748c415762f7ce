package dev.herald.jetty;

import dev.herald.stream.StreamSink;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A stream's {@link StreamSink} on a Jetty response: each write is {@link Response#write} with this
 * as its callback (one object per stream, nothing allocated per write), and the handler's callback
 * completes the response — succeeded after the last write, failed by {@link #abort}, which resets
 * the connection (HTTP/1.1) or the stream (HTTP/2).
 */
final class JettySink implements StreamSink, Callback {

    private final Response response;
    private final Callback handlerCallback;
    private final AtomicBoolean completed = new AtomicBoolean();
    private HttpStream stream; // set at once by the wrapper hook
    private long idleTimeout;
    // One write at a time: set before it starts, read when it completes.
    private volatile Completion completion;
    private volatile boolean last;

    JettySink(Response response, Callback handlerCallback) {
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
        response.write(last, bytes, this);
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
