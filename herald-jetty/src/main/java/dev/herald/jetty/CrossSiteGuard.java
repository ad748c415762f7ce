package dev.herald.jetty;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a state-changing request that a browser sends on another site's behalf (CSRF): 403 with
 * the reason. What the browser says decides: {@code Sec-Fetch-Site} when sent (only
 * {@code same-origin} and {@code none}, a person's own navigation, pass), else {@code Origin}
 * (its host and port must be the request's). A request with neither comes from a client that is
 * not a browser of this decade, and passes only with the {@value HeraldServer#REQUEST_HEADER}
 * header: a page of another site cannot add a header of its own without a CORS preflight, which
 * Herald grants only on the hub path, so the header needs no secret value. The hub path keeps its
 * own rule (a publisher JWT in the Authorization header), and its own CORS for the origins the
 * server names ({@code Mercure.Builder.corsOrigins}).
 */
final class CrossSiteGuard extends Handler.Wrapper {

    /** Methods that change nothing (RFC 9110 §9.2.1): never refused. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    CrossSiteGuard(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String refusal = SAFE.contains(request.getMethod()) || HeraldServer.HUB_PATH.equals(Request.getPathInContext(request))
                ? null : refusal(request);
        if (refusal != null) {
            PlainText.respond(response, callback, 403, refusal);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Why {@code request} is refused, or {@code null} when it is not. */
    static String refusal(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none") ? null
                    : "cross-site request refused: the browser says it comes from a " + site.toLowerCase(Locale.ROOT) + " page";
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null) {
            return sameAuthority(origin, request.getHttpURI()) ? null
                    : "cross-site request refused: Origin " + shown(origin) + " is not this server";
        }
        return request.getHeaders().contains(HeraldServer.REQUEST_HEADER) ? null
                : "a request without Sec-Fetch-Site or Origin must carry the " + HeraldServer.REQUEST_HEADER + " header";
    }

    /** An Origin as a reason quotes it: a header of kilobytes is not echoed whole. */
    private static String shown(String origin) {
        return origin.length() > MAX_SHOWN_ORIGIN ? origin.substring(0, MAX_SHOWN_ORIGIN) + "…" : origin;
    }

    /** The most characters of an Origin a reason quotes: a real one (scheme, host, port) is shorter. */
    private static final int MAX_SHOWN_ORIGIN = 100;

    private static boolean sameAuthority(String origin, HttpURI target) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false; // "null" (an opaque origin, such as a sandboxed frame's) or garbage
        }
        return uri.getHost() != null && target.getHost() != null
                && uri.getHost().equalsIgnoreCase(target.getHost())
                && port(uri.getPort(), uri.getScheme()) == port(target.getPort(), target.getScheme());
    }

    private static int port(int port, String scheme) {
        return port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
