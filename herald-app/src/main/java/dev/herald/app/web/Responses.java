package dev.herald.app.web;

import dev.herald.mercure.Mercure;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes complete responses: a status, a UTF-8 body, and the end of the response. */
public final class Responses {

    private Responses() {
    }

    /**
     * Where the pages' updates come from (Mercure's discovery, RFC 8288): the hub, relative to the
     * page, so that it holds behind any proxy the page is served through.
     */
    public static final String HUB_LINK = "<" + Mercure.HUB_PATH + ">; rel=\"mercure\"";

    /**
     * An HTML document or fragment; the caller has escaped what it contains. It names the hub its
     * updates come from ({@link #HUB_LINK}).
     */
    public static void html(Response response, Callback callback, int status, String html) {
        response.getHeaders().put(HttpHeader.LINK, HUB_LINK);
        write(response, callback, status, "text/html; charset=utf-8", html);
    }

    /**
     * One line of plain text, such as the reason a request was refused, ended by a line break if
     * {@code text} is. A reason can echo client input: a line break or other control character
     * inside it becomes a space, so it stays one line.
     */
    public static void text(Response response, Callback callback, int status, String text) {
        boolean ended = text.endsWith("\n");
        String line = (ended ? text.substring(0, text.length() - 1) : text).codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        write(response, callback, status, "text/plain; charset=utf-8", ended ? line + "\n" : line);
    }

    /**
     * Client input as a reason may quote it: at most {@value #SHOWN_LENGTH} characters (then "…"),
     * control characters as {@code ?} — a 100,000-character value is not echoed whole.
     */
    public static String shown(String input) {
        String cut = input.length() > SHOWN_LENGTH ? input.substring(0, SHOWN_LENGTH) + "…" : input;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** The most characters of client input a reason quotes. */
    static final int SHOWN_LENGTH = 60;

    /** A status with no body (such as 204). */
    public static void empty(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.write(true, null, callback);
    }

    /** 303 to {@code location}: after a plain form post, the browser gets the page there. */
    public static void seeOther(Response response, Callback callback, String location) {
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.write(true, null, callback);
    }

    private static void write(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, body, callback);
    }
}
