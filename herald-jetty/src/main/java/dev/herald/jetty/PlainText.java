package dev.herald.jetty;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A whole response that is one line of {@code text/plain}: a publish's id, a refusal's reason. */
final class PlainText {

    private PlainText() {
    }

    /** Writes {@code status} and {@code line}, then completes {@code callback}. */
    static void respond(Response response, Callback callback, int status, String line) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // A line can echo client input: kept to one line, it cannot add lines of its own.
        String oneLine = line.replace('\r', ' ').replace('\n', ' ');
        Content.Sink.write(response, true, oneLine + "\n", callback);
    }
}
