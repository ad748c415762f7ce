package dev.herald.mercure;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Authorises a publish the Mercure way: {@code Authorization: Bearer <JWT>} signed with HS256 by
 * the configured key, whose claim {@code mercure.publish} lists the topics it may publish to
 * ({@code *} for all). Tokens with an {@code exp} in the past are refused.
 */
final class PublisherAuth {

    private static final String BEARER = "Bearer ";

    private final JWTVerifier verifier;

    PublisherAuth(String key) {
        this.verifier = JWT.require(Algorithm.HMAC256(key)).build();
    }

    /**
     * Verifies the {@code Authorization} header value: before the body is read, so an
     * unauthenticated client cannot make the server parse a form.
     *
     * @throws MercureException 401 if the token is missing, malformed, badly signed or expired
     */
    Permit authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("publishing requires an Authorization: Bearer <JWT> header");
        }
        try {
            Map<String, Object> mercure = verifier.verify(authorization.substring(BEARER.length()).strip())
                    .getClaim("mercure").asMap();
            return new Permit(mercure != null && mercure.get("publish") instanceof List<?> list ? list : List.of());
        } catch (JWTVerificationException e) {
            throw unauthorized("invalid publisher JWT: " + e.getMessage());
        }
    }

    private static MercureException unauthorized(String reason) {
        // RFC 9110 §15.5.2: a 401 names the scheme that would be accepted.
        return new MercureException(401, reason, Map.of("WWW-Authenticate", "Bearer"));
    }

    /** The topics a verified token may publish to; {@code *} stands for all. */
    record Permit(List<?> topics) {

        /** @throws MercureException 403 naming the first topic not covered */
        void check(Collection<String> wanted) {
            if (topics.contains("*")) {
                return;
            }
            for (String topic : wanted) {
                if (!topics.contains(topic)) {
                    throw new MercureException(403, "the JWT's mercure.publish claim does not cover topic \"" + topic + "\"");
                }
            }
        }
    }
}
