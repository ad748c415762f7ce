package dev.herald.htmx;

/**
 * Where a page loads its scripts from: the WebJars and vendored npm packages shipped with
 * herald-htmx, served by Herald under {@code /assets/<package>/<version>/<path>}, never from a CDN.
 * {@link Dialect#scripts()} lists the ones a dialect needs.
 */
public final class ClientAssets {

    /** htmx 2. */
    public static final String HTMX = "/assets/htmx.org/2.0.10/dist/htmx.min.js";
    /** The htmx 2 SSE extension ({@code hx-ext="sse"}, {@code sse-connect}, {@code sse-swap}). */
    public static final String SSE_EXTENSION = "/assets/htmx-ext-sse/2.2.2/sse.js";
    /** _hyperscript, for small behaviours in attributes ({@code _="on … "}). */
    public static final String HYPERSCRIPT = "/assets/hyperscript.org/0.9.14/dist/_hyperscript.min.js";
    /**
     * Herald's companion to the htmx 2 SSE extension: keeps each {@code sse-connect} URL's
     * {@code lastEventID} current and marks the connection state; load it after the extension.
     */
    public static final String HERALD_SSE = "/assets/herald/1/herald-sse.js";
    /** htmx 4 (npm {@code htmx.org@4.0.1}, vendored). */
    public static final String HTMX_4 = "/assets/htmx.org/4.0.1/dist/htmx.min.js";
    /** htmx 4's SSE extension ({@code hx-sse:connect}). */
    public static final String HTMX_4_SSE = "/assets/htmx.org/4.0.1/dist/ext/hx-sse.min.js";
    /**
     * Herald's companion to htmx 4's SSE extension: swaps named events into the elements that
     * declare them, and marks the connection state; load it after the extension.
     */
    public static final String HERALD_HTMX_4 = "/assets/herald/1/herald-htmx4.js";

    private ClientAssets() {
    }
}
