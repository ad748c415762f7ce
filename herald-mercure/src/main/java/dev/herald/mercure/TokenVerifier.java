package dev.herald.mercure;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import dev.herald.hub.Hub;
import dev.herald.hub.TopicSelector;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies one role's tokens and reads what they grant, in either protocol's form:
 * <ul>
 *   <li>Mercure 1.0: an RFC 9068 access token ({@code typ} {@code at+jwt}) with {@code exp}, and
 *       {@code iss} / {@code aud} checked when configured; its {@code authorization_details} of
 *       type {@value #DETAIL_TYPE} grant {@code publish} / {@code subscribe} on topic matchers
 *       ({@code match}, {@code match_type} {@code exact} or {@code urlpattern}; {@code *} is all);</li>
 *   <li>Mercure 0.x: any other JWT, whose {@code mercure.publish} / {@code mercure.subscribe}
 *       claims list topic selectors (exact, URI templates, {@code *}).</li>
 * </ul>
 * A token that fails any check is {@code 401 invalid_token}, and nothing of it is used.
 */
final class TokenVerifier {

    static final String DETAIL_TYPE = "https://mercure.rocks/authorization-detail";

    /** Details per token and matchers per detail: what one token may make the hub compile. */
    private static final int MAX_ENTRIES = 64;

    private final TokenKeys keys;
    private final String issuer;
    private final String audience;
    private final URI hubUrl;

    TokenVerifier(TokenKeys keys, String issuer, String audience, URI hubUrl) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.hubUrl = hubUrl;
    }

    /** @throws MercureException 401 {@code invalid_token} saying why */
    Grant verify(String token, String role) {
        DecodedJWT decoded;
        try {
            DecodedJWT header = JWT.decode(token);
            Algorithm algorithm = keys.algorithm(header.getAlgorithm());
            if (algorithm == null) {
                throw invalid(role, "its alg " + header.getAlgorithm() + " is not one this hub verifies " + role + " tokens with");
            }
            boolean v1 = isAccessToken(header.getType());
            Verification verification = JWT.require(algorithm);
            if (issuer != null) {
                verification = verification.withIssuer(issuer);
            }
            if (audience != null) {
                verification = verification.withAudience(audience);
            }
            if (v1) {
                verification = verification.withClaimPresence("exp");
            }
            JWTVerifier verifier = verification.build();
            decoded = verifier.verify(header);
            return v1 ? accessTokenGrant(decoded, role) : legacyGrant(decoded, role);
        } catch (JWTVerificationException e) {
            throw invalid(role, e.getMessage());
        }
    }

    private static boolean isAccessToken(String typ) {
        if (typ == null) {
            return false;
        }
        String type = typ.toLowerCase(Locale.ROOT);
        return type.equals("at+jwt") || type.equals("application/at+jwt");
    }

    private Grant accessTokenGrant(DecodedJWT token, String role) {
        List<Object> details = token.getClaim("authorization_details").asList(Object.class);
        List<TopicSelector> publish = new ArrayList<>();
        List<TopicSelector> subscribe = new ArrayList<>();
        if (details != null) {
            if (details.size() > MAX_ENTRIES) {
                throw invalid(role, "more than " + MAX_ENTRIES + " authorization_details");
            }
            for (Object entry : details) {
                if (!(entry instanceof Map<?, ?> detail)) {
                    throw invalid(role, "an authorization_details entry is not an object");
                }
                if (!DETAIL_TYPE.equals(detail.get("type"))) {
                    continue; // another API's detail: not ours to judge
                }
                List<TopicSelector> matchers = matchers(detail.get("topics"), role);
                if (!(detail.get("actions") instanceof List<?> actions) || actions.isEmpty()) {
                    throw invalid(role, "a Mercure authorization detail has no actions");
                }
                for (Object action : actions) {
                    if (!(action instanceof String name)) {
                        throw invalid(role, "a Mercure authorization detail has an action that is not a string");
                    }
                    // Unknown actions grant nothing, and do not invalidate the token (spec).
                    if (name.equals("publish")) {
                        publish.addAll(matchers);
                    } else if (name.equals("subscribe")) {
                        subscribe.addAll(matchers);
                    }
                }
            }
        }
        return new Grant(publish, subscribe, token.getExpiresAtAsInstant());
    }

    private List<TopicSelector> matchers(Object topics, String role) {
        if (!(topics instanceof List<?> list) || list.isEmpty()) {
            throw invalid(role, "a Mercure authorization detail has no topics");
        }
        if (list.size() > MAX_ENTRIES) {
            throw invalid(role, "a Mercure authorization detail has more than " + MAX_ENTRIES + " topics");
        }
        List<TopicSelector> matchers = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> matcher) || !(matcher.get("match") instanceof String match)
                    || match.isEmpty() || match.length() > Limits.MAX_SELECTOR_LENGTH) {
                throw invalid(role, "a topic matcher is not an object with a match of 1 to " + Limits.MAX_SELECTOR_LENGTH + " chars");
            }
            Object type = matcher.containsKey("match_type") ? matcher.get("match_type") : "exact";
            if (match.equals(Hub.ALL_TOPICS)) {
                matchers.add(topic -> true);
            } else if ("exact".equals(type)) {
                matchers.add(match::equals);
            } else if ("urlpattern".equals(type)) {
                try {
                    matchers.add(UrlPatternSelector.compile(match, hubUrl));
                } catch (IllegalArgumentException e) {
                    throw invalid(role, "the urlpattern matcher \"" + match + "\" is not a URL pattern: " + e.getMessage());
                }
            } else {
                throw invalid(role, "the match_type " + type + " is not one this hub supports (exact, urlpattern)");
            }
        }
        return matchers;
    }

    private static Grant legacyGrant(DecodedJWT token, String role) {
        Map<String, Object> mercure = token.getClaim("mercure").asMap();
        return new Grant(selectors(mercure, "publish", role), selectors(mercure, "subscribe", role), token.getExpiresAtAsInstant());
    }

    private static List<TopicSelector> selectors(Map<String, Object> mercure, String action, String role) {
        if (mercure == null || !(mercure.get(action) instanceof List<?> list)) {
            return List.of();
        }
        if (list.size() > MAX_ENTRIES) {
            throw invalid(role, "mercure." + action + " has more than " + MAX_ENTRIES + " selectors");
        }
        List<TopicSelector> selectors = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof String selector) || selector.isEmpty() || selector.length() > Limits.MAX_SELECTOR_LENGTH) {
                throw invalid(role, "mercure." + action + " holds a selector that is not a string of 1 to "
                        + Limits.MAX_SELECTOR_LENGTH + " chars");
            }
            if (selector.equals(Hub.ALL_TOPICS)) {
                selectors.add(topic -> true);
            } else if (UriTemplateSelector.isTemplate(selector)) {
                try {
                    selectors.add(UriTemplateSelector.compile(selector));
                } catch (IllegalArgumentException e) {
                    throw invalid(role, "mercure." + action + " selector \"" + selector + "\" is not a URI template: " + e.getMessage());
                }
            } else {
                selectors.add(selector::equals);
            }
        }
        return selectors;
    }

    static MercureException invalid(String role, String why) {
        return new MercureException(401, "invalid " + role + " JWT: " + why,
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }
}
