package dev.herald.jetty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The security headers a {@link HeraldServer} writes on every response it makes: pages, assets,
 * streams and refusals alike. Immutable; start from {@link #minimal()} (the server's default) or
 * {@link #strict()} and adjust with the {@code with…} methods.
 *
 * <p>See {@code docs/security.md} for what each header stops and what a page must do to satisfy
 * the strict policy (no inline scripts, styles or event-handler attributes).
 */
public final class SecurityHeaders {

    /**
     * The Content-Security-Policy of {@link #strict()}: scripts, styles, images (and {@code data:}
     * images), connections and workers only from the page's own origin; no {@code <base>} or form
     * posts elsewhere; the page cannot be framed.
     */
    public static final String STRICT_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final Map<String, String> headers;

    private SecurityHeaders(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /**
     * Only {@code X-Content-Type-Options: nosniff}: a browser takes each response for the type it
     * is declared as (an uploaded file or an event stream is never run as a script). The default.
     */
    public static SecurityHeaders minimal() {
        return new SecurityHeaders(Map.of("X-Content-Type-Options", "nosniff"));
    }

    /**
     * {@link #minimal()}, plus {@link #STRICT_CONTENT_SECURITY_POLICY}, {@code X-Frame-Options: DENY}
     * (framing refused by browsers that predate {@code frame-ancestors}) and
     * {@code Referrer-Policy: same-origin} (links to other sites do not carry the page's URL).
     */
    public static SecurityHeaders strict() {
        return minimal()
                .with("Content-Security-Policy", STRICT_CONTENT_SECURITY_POLICY)
                .with("X-Frame-Options", "DENY")
                .with("Referrer-Policy", "same-origin");
    }

    /** These headers with {@code policy} as the Content-Security-Policy. */
    public SecurityHeaders withContentSecurityPolicy(String policy) {
        return with("Content-Security-Policy", policy);
    }

    /** These headers with {@code policy} as the Referrer-Policy, such as {@code no-referrer}. */
    public SecurityHeaders withReferrerPolicy(String policy) {
        return with("Referrer-Policy", policy);
    }

    /** The headers, by name, as written on every response. */
    public Map<String, String> headers() {
        return headers;
    }

    private SecurityHeaders with(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must be one non-blank line, was \"" + value + "\"");
        }
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SecurityHeaders(more);
    }

    @Override
    public String toString() {
        return "SecurityHeaders" + headers;
    }
}
