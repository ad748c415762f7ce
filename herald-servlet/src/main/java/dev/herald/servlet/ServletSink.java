package dev.herald.servlet;

import dev.herald.stream.StreamSink;
import dev.herald.stream.StreamWriter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stream's {@link StreamSink} on an asynchronous servlet response, written with the container's
 * non-blocking I/O: a write goes out when {@link ServletOutputStream#isReady} says so, and completes
 * once the container is ready for more — at once when the socket had room, else in
 * {@link #onWritePossible} on a container thread. No thread ever waits on a client. The
 * {@link AsyncListener} side tells the stream when the container learns the client is gone.
 *
 * <p>The writer's thread (a write) and the container's (ready again, an error) meet under one lock,
 * held only while calling the non-blocking output stream: completions run after it is released.
 */
final class ServletSink implements StreamSink, WriteListener, AsyncListener {

    private final ReentrantLock lock = new ReentrantLock();
    // Set by attach, before the stream starts; null if the request never went asynchronous.
    private volatile AsyncContext async;
    private volatile ServletOutputStream out;
    private volatile StreamWriter.Stream stream;

    // Under the lock: the write in progress, if any.
    private ByteBuffer pending;
    private boolean last;
    private boolean handedOver; // its bytes are with the container, which was not ready for more
    private Completion completion;
    private boolean over; // completed, or the response failed: the output stream is not touched again

    /** Binds the sink to its response, once, before its stream starts: the container may call it from now on. */
    void attach(AsyncContext async, ServletOutputStream out, StreamWriter.Stream stream) {
        lock.lock();
        try {
            this.async = async;
            this.out = out;
            this.stream = stream;
        } finally {
            lock.unlock();
        }
        async.addListener(this);
        out.setWriteListener(this);
    }

    @Override
    public void write(ByteBuffer bytes, boolean last, Completion completion) {
        lock.lock();
        try {
            this.pending = bytes;
            this.last = last;
            this.handedOver = false;
            this.completion = completion;
        } finally {
            lock.unlock();
        }
        drain();
    }

    @Override
    public void abort(Throwable cause) {
        Completion failed;
        lock.lock();
        try {
            failed = completion;
            completion = null;
            pending = null;
            if (over) {
                return;
            }
            over = true;
        } finally {
            lock.unlock();
        }
        // The servlet API has no reset: the response ends, and the container closes the connection
        // (at the latest its own timeouts do, for a peer that stopped reading). The client reconnects.
        complete();
        if (failed != null) {
            failed.failed(cause);
        }
    }

    // WriteListener, on a container thread.

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable cause) {
        gone(cause);
    }

    // AsyncListener, on a container thread.

    @Override
    public void onComplete(AsyncEvent event) {
        gone(new IOException("the response was completed"));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        gone(new IOException("the container's asynchronous timeout passed"));
        complete(); // else the container dispatches to its error page, on a response already streaming
    }

    @Override
    public void onError(AsyncEvent event) {
        gone(event.getThrowable() == null ? new IOException("the response failed") : event.getThrowable());
        complete(); // else the container dispatches to its error page, on a response already streaming
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Herald starts the asynchronous cycle once and never again.
    }

    /**
     * Hands the pending bytes to the container when it is ready, and completes the write once it is
     * ready again (the bytes have left its buffer): while it is not, {@link #onWritePossible} will come.
     */
    private void drain() {
        Completion done;
        boolean end;
        Exception broken;
        lock.lock();
        try {
            if (completion == null || over) {
                return;
            }
            if (!handedOver) {
                if (!out.isReady()) {
                    return;
                }
                ByteBuffer bytes = pending;
                if (bytes.hasArray()) {
                    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                } else {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.duplicate().get(copy);
                    out.write(copy);
                }
                handedOver = true;
                pending = null;
                if (out.isReady()) {
                    out.flush();
                }
            }
            if (!out.isReady()) {
                return;
            }
            done = completion;
            completion = null;
            end = last;
            if (end) {
                over = true;
            }
            broken = null;
        } catch (IOException | RuntimeException e) {
            done = null;
            end = false;
            broken = e;
        } finally {
            lock.unlock();
        }
        if (broken != null) {
            fail(broken);
            return;
        }
        if (end) {
            complete();
        }
        done.written();
    }

    /** The container says the response is over or broken: a pending write fails, the stream ends. */
    private void gone(Throwable cause) {
        lock.lock();
        try {
            over = true;
        } finally {
            lock.unlock();
        }
        fail(cause);
    }

    private void fail(Throwable cause) {
        Completion failed;
        lock.lock();
        try {
            failed = completion;
            completion = null;
            pending = null;
            over = true;
        } finally {
            lock.unlock();
        }
        if (failed != null) {
            failed.failed(cause);
        }
        if (stream != null) {
            stream.peerGone(cause);
        }
    }

    private void complete() {
        if (async == null) {
            return; // never attached: the request did not go asynchronous
        }
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // Already completed, or the container gave the request up: nothing is left to end.
        }
    }
}
