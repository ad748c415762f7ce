package dev.herald.jetty;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Fails a request body that arrives slower than a minimum average rate, measured from the first
 * read once a grace period has passed: an upload sent a byte at a time would otherwise hold its
 * request (and its temporary file) for as long as the client likes, each byte resetting the idle
 * timeout. The handler reading the body gets a failure chunk whose {@link TimeoutException} says
 * so. ({@code HttpConfiguration.setMinRequestDataRate} is not applied by Jetty 12, and its
 * {@code MinimumDataRateHandler} measures all requests together, not each.)
 */
final class MinimumBodyRate extends Handler.Wrapper {

    private final long bytesPerSecond;
    private final long graceNanos;

    MinimumBodyRate(long bytesPerSecond, Duration grace, Handler handler) {
        super(handler);
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request.getLength() == 0 ? request : new Measured(request), response, callback);
    }

    /** The message of the failure a too slow body ends in. */
    static String reason(long bytesPerSecond) {
        return "the request body came slower than " + bytesPerSecond + " bytes a second";
    }

    private final class Measured extends Request.Wrapper {
        private long firstRead; // 0: not read yet
        private long bytes;

        Measured(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            long now = System.nanoTime();
            if (firstRead == 0) {
                firstRead = now;
            }
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            bytes += chunk.remaining();
            long elapsed = now - firstRead;
            if (!chunk.isLast() && elapsed > graceNanos && bytes < bytesPerSecond * (elapsed / 1e9)) {
                chunk.release();
                return Content.Chunk.from(new TimeoutException(reason(bytesPerSecond)), true);
            }
            return chunk;
        }
    }
}
