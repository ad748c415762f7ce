package dev.herald.app.web;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.herald.mercure.Mercure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Tells visitors apart and lets each read its own private updates: the {@value #COOKIE} cookie
 * holds the {@link Visitor}'s secret; the {@value Mercure#LEGACY_TOKEN_COOKIE} cookie holds a
 * subscriber JWT, signed with the hub's subscriber key, that grants {@code subscribe} on the
 * visitor's own topics only ({@code visitors/<public id>/…}). The browser sends it to the hub with
 * every stream it opens; the hub then delivers that visitor's private updates to it, and to no
 * other stream — another visitor's token covers other topics, an anonymous stream has none.
 *
 * <p>Both cookies are {@code HttpOnly} (no script reads them) and {@code Secure} over TLS; the token's
 * is {@code SameSite=Strict} and scoped to the hub's path, as the Mercure spec asks. A page that
 * shows private data re-issues the token on every render, so it never outlives a visit by long.
 * Thread-safe.
 */
public final class VisitorCookies {

    /** The cookie that names the visitor. */
    public static final String COOKIE = "herald-visitor";
    /** How long a visitor's token grants reading its updates; a render re-issues it. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    private static final long VISITOR_MAX_AGE = Duration.ofDays(365).toSeconds();

    private final Algorithm algorithm;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    /**
     * @param key      the HS256 key the hub verifies subscriber tokens with
     * @param issuer   the {@code iss} the hub checks, or {@code null}
     * @param audience the {@code aud} the hub checks, or {@code null}
     */
    public VisitorCookies(String key, String issuer, String audience, Clock clock) {
        this.algorithm = Algorithm.HMAC256(key);
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** The request's visitor, or {@code null} when it has no valid cookie. */
    public static Visitor of(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(COOKIE)) {
                return Visitor.fromCookie(cookie.getValue());
            }
        }
        return null;
    }

    /**
     * The request's visitor — a new one, whose cookie the response sets, when it has none — with a
     * fresh token for its topics set on the response.
     */
    public Visitor identify(Request request, Response response) {
        Visitor visitor = of(request);
        boolean secure = request.isSecure();
        if (visitor == null) {
            visitor = Visitor.random();
            Response.addCookie(response, HttpCookie.build(COOKIE, visitor.secret())
                    .path("/").secure(secure).httpOnly(true).sameSite(HttpCookie.SameSite.LAX)
                    .maxAge(VISITOR_MAX_AGE).build());
        }
        Response.addCookie(response, HttpCookie.build(Mercure.LEGACY_TOKEN_COOKIE, token(visitor))
                .path(Mercure.HUB_PATH).secure(secure).httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .maxAge(TOKEN_LIFETIME.toSeconds()).build());
        return visitor;
    }

    /** A subscriber token (Mercure 0.x claims) for every topic of {@code visitor}, and none other. */
    String token(Visitor visitor) {
        JWTCreator.Builder token = JWT.create()
                .withClaim("mercure", Map.of("subscribe", List.of(visitor.topicPrefix() + "{+feature}")))
                .withExpiresAt(clock.instant().plus(TOKEN_LIFETIME));
        if (issuer != null) {
            token.withIssuer(issuer);
        }
        if (audience != null) {
            token.withAudience(audience);
        }
        return token.sign(algorithm);
    }
}
