package dev.herald.htmx;

/**
 * Where a page loads its scripts from: the WebJars shipped with herald-htmx, served by Herald under
 * {@code /assets/<webjar>/<version>/<path>}, never from a CDN.
 */
public final class ClientAssets {

    /** htmx 2. */
    public static final String HTMX = "/assets/htmx.org/2.0.10/dist/htmx.min.js";
    /** The htmx 2 SSE extension ({@code hx-ext="sse"}, {@code sse-connect}, {@code sse-swap}). */
    public static final String SSE_EXTENSION = "/assets/htmx-ext-sse/2.2.2/sse.js";
    /** _hyperscript, for small behaviours in attributes ({@code _="on … "}). */
    public static final String HYPERSCRIPT = "/assets/hyperscript.org/0.9.14/dist/_hyperscript.min.js";
    /**
     * Herald's companion to the SSE extension: keeps each {@code sse-connect} URL's
     * {@code lastEventID} current and marks the connection state; load it after the extension.
     */
    public static final String HERALD_SSE = "/assets/herald/1/herald-sse.js";

    private ClientAssets() {
    }
}
