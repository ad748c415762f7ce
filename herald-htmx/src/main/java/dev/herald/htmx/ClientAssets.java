package dev.herald.htmx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a page loads its scripts from: the WebJars and vendored npm packages shipped with
 * herald-htmx, served by Herald under {@code /assets/<package>/<version>/<path>}, never from a CDN.
 * {@link Dialect#scripts()} lists the ones a dialect needs. Herald serves assets as immutable for
 * a year, so a URL must change whenever its file does: third-party packages carry their release
 * in the path, Herald's own files a hash of their bytes ({@link #versioned}).
 */
public final class ClientAssets {

    /** Where {@code /assets/<path>} is found on the classpath (the WebJars convention). */
    private static final String ROOT = "META-INF/resources/webjars/";
    /** Hex digits of the SHA-256 a versioned URL carries: 48 bits, ample to tell edits apart. */
    private static final int HASH_DIGITS = 12;

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
    public static final String HERALD_SSE = versioned("herald/1/herald-sse.js");
    /** htmx 4 (npm {@code htmx.org@4.0.1}, vendored). */
    public static final String HTMX_4 = "/assets/htmx.org/4.0.1/dist/htmx.min.js";
    /** htmx 4's SSE extension ({@code hx-sse:connect}). */
    public static final String HTMX_4_SSE = "/assets/htmx.org/4.0.1/dist/ext/hx-sse.min.js";
    /**
     * Herald's companion to htmx 4's SSE extension: swaps named events into the elements that
     * declare them, and marks the connection state; load it after the extension.
     */
    public static final String HERALD_HTMX_4 = versioned("herald/1/herald-htmx4.js");
    /**
     * One hub connection per browser for all of a site's tabs (a SharedWorker, or a leader tab);
     * loaded by a page and as the worker's script. See {@code docs/htmx.md}, "Every tab live".
     */
    public static final String HERALD_SHARE = versioned("herald/1/herald-share.js");
    /**
     * Puts a page's SSE connection, in either dialect, on the one {@link #HERALD_SHARE} shares, and
     * says when a form's request could not be sent; load it last.
     */
    public static final String HERALD_TABS = versioned("herald/1/herald-tabs.js");

    private ClientAssets() {
    }

    /**
     * The URL of an asset of one's own, {@code /assets/<path>?v=<hash of its bytes>}: it changes
     * whenever the file does, so a browser never keeps an old copy under the immutable cache.
     * Read once, when called (a constant's initializer, say).
     *
     * @param path the asset's path under {@code /assets/}, such as {@code herald-app/1/app.css}
     * @throws IllegalArgumentException when no file is at {@code META-INF/resources/webjars/<path>}
     *                                  on the classpath
     */
    public static String versioned(String path) {
        try (InputStream in = ClientAssets.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no asset " + ROOT + path + " on the classpath");
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "/assets/" + path + "?v=" + HexFormat.of().formatHex(hash).substring(0, HASH_DIGITS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + ROOT + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
