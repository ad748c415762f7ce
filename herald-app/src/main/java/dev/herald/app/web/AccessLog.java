package dev.herald.app.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each of the app's requests at INFO when its response completes: method, path, status and
 * time taken (a response that is a stream completes when the stream ends). Query strings are left
 * out: they may carry what a person typed.
 */
final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("dev.herald.app.requests");

    private AccessLog() {
    }

    /** {@code callback}, logging the request first when it completes either way. */
    static Callback around(Request request, Response response, Callback callback) {
        if (!log.isInfoEnabled()) {
            return callback;
        }
        long start = System.nanoTime();
        String line = request.getMethod() + " " + Request.getPathInContext(request);
        return new Callback() {
            @Override
            public void succeeded() {
                log.info("{} {} in {} ms", line, response.getStatus(), (System.nanoTime() - start) / 1_000_000);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                log.info("{} failed after {} ms: {}", line, (System.nanoTime() - start) / 1_000_000, failure.toString());
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }
}
