package dev.herald.mercure;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for the hub (Fetch standard, "CORS protocol"): the origins whose pages may subscribe and
 * publish with credentials (cookies, an Authorization header). An allowed origin is echoed, never
 * {@code *}: a credentialed request is refused by browsers against a wildcard, and reflecting any
 * origin would let every site read a user's private updates with the user's cookie (Mercure 1.0,
 * "Subscription": the hub must not reflect arbitrary origins on a credentialed request).
 */
final class Cors {

    /** What a client of another origin needs to read besides the body. */
    static final String EXPOSED = "Mercure-Last-Event-ID, Last-Event-ID, WWW-Authenticate, Link";
    static final String ALLOWED_METHODS = "GET, POST";
    static final String ALLOWED_HEADERS = "Authorization, Cache-Control, Content-Type, Last-Event-ID";
    /** Seconds a browser may keep a preflight's answer (Chromium caps it at 7,200). */
    static final String MAX_AGE = "3600";

    private final Set<String> origins;

    private Cors(Set<String> origins) {
        this.origins = origins;
    }

    static final Cors NONE = new Cors(Set.of());

    /**
     * @param origins serialized origins ({@code https://app.example.com}, {@code http://localhost:3000})
     * @throws IllegalArgumentException naming an entry that is no origin, or {@code *}
     */
    static Cors of(Collection<String> origins) {
        return new Cors(origins.stream().map(Cors::origin).collect(Collectors.toUnmodifiableSet()));
    }

    private static String origin(String origin) {
        if (origin.equals("*")) {
            throw new IllegalArgumentException("a CORS origin cannot be *: the hub answers requests with credentials, "
                    + "so it names each origin it trusts");
        }
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the CORS origin \"" + origin
                    + "\" is not an origin: scheme://host[:port], http or https, with no path");
        }
        return origin.toLowerCase(Locale.ROOT);
    }

    /**
     * The headers of every answer to {@code request} (a stream, a publish, a refusal): when its
     * {@code Origin} is allowed, that origin, credentials and the exposed headers; when any origin
     * is allowed, {@code Vary: Origin} (the answer depends on it, for caches).
     */
    Map<String, String> headers(MercureRequest request) {
        if (origins.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Vary", "Origin");
        String origin = allowedOrigin(request);
        if (origin != null) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
            headers.put("Access-Control-Expose-Headers", EXPOSED);
        }
        return headers;
    }

    /**
     * The headers of a 204 answering a preflight ({@code OPTIONS} with
     * {@code Access-Control-Request-Method}) from an allowed origin, or {@code null} when it is no
     * such preflight.
     */
    Map<String, String> preflight(MercureRequest request) {
        String origin = allowedOrigin(request);
        if (origin == null || request.header("Access-Control-Request-Method") == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Vary", "Origin");
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Allow-Credentials", "true");
        headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.put("Access-Control-Max-Age", MAX_AGE);
        return headers;
    }

    private String allowedOrigin(MercureRequest request) {
        String origin = request.header("Origin");
        return origin != null && origins.contains(origin.toLowerCase(Locale.ROOT)) ? origin : null;
    }
}
