package dev.herald.jetty;

import dev.herald.mercure.MercureException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A whole response that is one line of {@code text/plain}: a publish's id, a refusal's reason. */
final class PlainText {

    private PlainText() {
    }

    /** Writes {@code status} and {@code line} with a line feed, then completes {@code callback}. */
    static void respond(Response response, Callback callback, int status, String line) {
        write(response, callback, status, oneLine(line) + "\n");
    }

    /** Writes a Mercure refusal: its status, its headers, its reason. */
    static void refuse(Response response, Callback callback, MercureException refused) {
        refused.headers().forEach(response.getHeaders()::put);
        respond(response, callback, refused.status(), refused.reason());
    }

    /** Writes 200 and exactly {@code body}, no line feed (Mercure's publish answer: the id). */
    static void answer(Response response, Callback callback, String body) {
        write(response, callback, 200, oneLine(body));
    }

    private static void write(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, body, callback);
    }

    // A line can echo client input: kept to one line, it cannot add lines of its own.
    private static String oneLine(String line) {
        return line.replace('\r', ' ').replace('\n', ' ');
    }
}
