package dev.herald.app.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Handles one route. Runs blocking code (on a virtual thread when the server uses them) and
 * completes {@code callback} exactly once, normally by writing the response; a thrown exception
 * becomes a 500.
 */
@FunctionalInterface
public interface Endpoint {
    void handle(Request request, Response response, Callback callback) throws Exception;
}
