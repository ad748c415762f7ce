package dev.herald.mercure;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.Publication;
import dev.herald.stream.EventStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Mercure protocol in front of a {@link Hub}, transport neutral: a server binding (Jetty,
 * Servlet) hands it requests through {@link MercureRequest} and writes what it answers. Both
 * versions are spoken on one path, chosen per request by its parameters (see
 * {@code docs/protocol.md}). Thread-safe; build once per server.
 *
 * <pre>{@code
 * Mercure mercure = Mercure.builder(hub).publisherJwtKey(key).build();
 * // GET:  Subscribe s = mercure.subscribe(request); → hub.subscribe(s.interest(), s.lastEventId(), …)
 * // POST: String id = mercure.publish(request, () -> readForm(request)); → 200 text/plain, exactly id
 * }</pre>
 */
public final class Mercure {

    /** The hub path: subscribe with GET, publish with POST. */
    public static final String HUB_PATH = "/.well-known/mercure";

    /**
     * Selectors per subscribe, topics per publish: the bound of every stream's topics
     * ({@link EventStream#MAX_TOPICS}). A subscription is registered under each of its topics and a
     * publish appends to each topic's log, so the count multiplies the work a single request causes.
     */
    public static final int MAX_TOPICS = EventStream.MAX_TOPICS;

    /**
     * Length of an event id, in chars, for publisher ids and for Last-Event-ID alike: the hub
     * indexes publisher ids in memory, and a resume id is looked up in that index
     * ({@link EventStream#MAX_ID_LENGTH}).
     */
    public static final int MAX_ID_LENGTH = EventStream.MAX_ID_LENGTH;

    /** The subscriptions API, under the hub path ({@link Builder#activeSubscriptions}). */
    public static final String SUBSCRIPTIONS_PATH = HUB_PATH + "/subscriptions";

    /** The media type of a publish body. */
    public static final String FORM = "application/x-www-form-urlencoded";

    /** A protocol version, as a request's parameters speak it. */
    public enum Version {
        /** Mercure 1.0: {@code match}, {@code match_urlpattern}, {@code last_event_id}. */
        V1,
        /** Mercure 0.x (draft-07 and the 0.x hubs): {@code topic}, {@code lastEventID}. */
        V0
    }

    /** The cookie a 1.0 browser subscriber presents its token in (the spec's recommended name). */
    public static final String ACCESS_TOKEN_COOKIE = "__Secure-mercure_access_token";

    /** The cookie a 0.x browser subscriber presents its token in. */
    public static final String LEGACY_TOKEN_COOKIE = "mercureAuthorization";

    private static final String BEARER = "Bearer ";

    private final Hub hub;
    private final URI hubUrl;
    private final TokenVerifier publishers; // null: publishing over HTTP is off
    private final TokenVerifier subscribers; // null: no subscriber token can be verified
    private final boolean anonymousSubscribers;
    private final Cors cors;
    private final Duration maxStreamDuration; // null: none
    private final ActiveSubscriptions active; // null: the subscriptions API is off

    private Mercure(Builder settings) {
        this.hub = settings.hub;
        this.hubUrl = settings.hubUrl;
        TokenKeys publisherKeys = new TokenKeys(settings.publisherJwtKey, settings.publisherPublicKey);
        TokenKeys subscriberKeys = settings.subscriberJwtKey == null && settings.subscriberPublicKey == null
                ? publisherKeys
                : new TokenKeys(settings.subscriberJwtKey, settings.subscriberPublicKey);
        this.publishers = publisherKeys.isEmpty() ? null
                : new TokenVerifier(publisherKeys, settings.issuer, settings.audience, hubUrl);
        this.subscribers = subscriberKeys.isEmpty() ? null
                : new TokenVerifier(subscriberKeys, settings.issuer, settings.audience, hubUrl);
        this.anonymousSubscribers = settings.anonymousSubscribers;
        this.cors = settings.cors;
        this.maxStreamDuration = settings.maxStreamDuration;
        this.active = settings.activeSubscriptions ? new ActiveSubscriptions(hub, hubUrl.getRawPath()) : null;
    }

    public static Builder builder(Hub hub) {
        return new Builder(hub);
    }

    /**
     * Reads and authorizes a subscribe request. Its token — the {@code Authorization} header's, else
     * the {@value #ACCESS_TOKEN_COOKIE} cookie's, else the {@value #LEGACY_TOKEN_COOKIE} cookie's —
     * lets it read the private updates of the topics it grants {@code subscribe} on, until it
     * expires. Without a token, only public updates, if anonymous subscribers are allowed. The
     * stream's deadline is the token's expiry or the {@linkplain Builder#maxStreamDuration stream
     * lifetime bound}, whichever comes first.
     *
     * @throws MercureException 400 for bad parameters (none, too many, unknown {@code match*}, a
     *                          bad last event id); 401 for an invalid token, or none when one is
     *                          required
     */
    public Subscribe subscribe(MercureRequest request) {
        String token = bearer(request, true);
        Subscribe subscribe = SubscribeQuery.read(request, hubUrl);
        Instant lifetimeEnd = maxStreamDuration == null ? null : Instant.now().plus(maxStreamDuration);
        if (token == null) {
            if (!anonymousSubscribers) {
                throw unauthorized("subscribing requires a token (Authorization: Bearer, or the "
                        + ACCESS_TOKEN_COOKIE + " cookie)");
            }
            return subscribe.authorized(lifetimeEnd, subscribe.interest());
        }
        if (subscribers == null) {
            throw TokenVerifier.invalid("subscriber", "this hub has no key to verify subscriber tokens with");
        }
        Grant grant = subscribers.verify(token, "subscriber");
        return subscribe.authorized(earliest(grant.expiresAt(), lifetimeEnd), subscribe.interest().withPrivateAccess(grant.privateAccess()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /**
     * Counts {@code subscribe} among the active subscriptions, when the subscriptions API is on
     * ({@link Builder#activeSubscriptions}): each of its selectors is listed, and its creation is
     * published as a private update on the subscription's topic (see {@code docs/protocol.md},
     * "Active subscriptions"). A binding calls it once it serves the stream.
     *
     * @return what the binding runs once the stream has ended, however it ended (it then publishes
     *         the end, once); does nothing when the API is off
     */
    public Runnable track(Subscribe subscribe) {
        return active == null ? () -> { } : active.open(subscribe);
    }

    /**
     * Answers {@code GET} on {@value #SUBSCRIPTIONS_PATH} and below: the active subscriptions — all,
     * those of one selector, or one — as the JSON the Mercure spec defines, with the hub position
     * the listing was read at in the answer's {@code Link} (its {@code last-event-id}): subscribe
     * to the subscription events from there to miss none. The token (header or cookie, as a
     * subscriber's) must grant {@code subscribe} on {@code path} itself.
     *
     * @param path the request's path, percent-encoded as sent (a selector holds {@code %2F})
     * @throws MercureException 404 when the API is off, or for a subscription that is not active;
     *                          401 without a valid token; 403 when it does not grant the path;
     *                          400 for an unknown matcher type or a badly encoded segment
     */
    public Document subscriptions(MercureRequest request, String path) {
        if (active == null) {
            throw new MercureException(404, "the subscriptions API is off on this hub");
        }
        String token = bearer(request, true);
        if (token == null) {
            throw unauthorized("the subscriptions API requires a token granting subscribe on " + path);
        }
        if (subscribers == null) {
            throw TokenVerifier.invalid("subscriber", "this hub has no key to verify subscriber tokens with");
        }
        if (!subscribers.verify(token, "subscriber").grantsSubscribe(path)) {
            throw new MercureException(403, "the token does not grant subscribe on " + path,
                    Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
        }
        ActiveSubscriptions.Listing listing = active.list(path);
        String hubPath = hubUrl.getRawPath();
        return new Document(listing.json(), Map.of(
                "Content-Type", "application/json",
                "Link", "<" + hubPath + ">; rel=\"mercure\"; last-event-id=\"" + listing.position()
                        + "\"; type=\"mercure\"; content-type=\"application/json\"",
                "ETag", "\"" + listing.position() + "\"",
                "Cache-Control", "must-revalidate"));
    }

    /**
     * A JSON answer of the hub's own.
     *
     * @param json    the body, ASCII
     * @param headers the answer's headers, {@code Content-Type} among them
     */
    public record Document(String json, Map<String, String> headers) {
        public Document {
            Objects.requireNonNull(json, "json");
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Authorizes and publishes: the token is checked before {@code form} is read, so an
     * unauthenticated client cannot make the server parse a body.
     *
     * @param form the request's form fields, in order; read only once the publisher is authenticated
     *             (a binding checks the Content-Type with {@link #checkFormContentType} and bounds
     *             the body, answering 413 past it)
     * @return the answer's whole body, {@code text/plain; charset=utf-8} with status 200: exactly
     *         the event's id, no line feed
     * @throws MercureException   401, 403, or 400 naming the bad field
     * @throws HubClosedException when the hub is shutting down (answer 503)
     */
    public String publish(MercureRequest request, Supplier<Map<String, List<String>>> form) {
        if (publishers == null) {
            throw new MercureException(403, "publishing over HTTP is off: the server has no publisher JWT key");
        }
        String token = bearer(request, false);
        if (token == null) {
            throw unauthorized("publishing requires an Authorization: Bearer <JWT> header");
        }
        Grant grant = publishers.verify(token, "publisher");
        Publication publication = PublishForm.read(form.get(), hubUrl);
        grant.checkPublish(publication.topics());
        try {
            return hub.publish(publication);
        } catch (IllegalArgumentException e) {
            throw MercureException.badRequest(e.getMessage());
        }
    }

    /**
     * The token a request presents: the {@code Authorization} header's (a cookie is then ignored), or
     * for a subscriber a cookie's; {@code null} for none. Publishers use the header only: a cookie
     * would let any page the user visits publish with a plain form POST.
     */
    private static String bearer(MercureRequest request, boolean cookies) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new MercureException(400, "the Authorization header must be Bearer <JWT>",
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_request\""));
            }
            return authorization.substring(BEARER.length()).strip();
        }
        if (!cookies) {
            return null;
        }
        String cookie = request.cookie(ACCESS_TOKEN_COOKIE);
        return cookie != null ? cookie : request.cookie(LEGACY_TOKEN_COOKIE);
    }

    /**
     * The CORS headers of any answer to {@code request} on the hub's paths — a stream, a publish, a
     * refusal alike, so that a page of an allowed origin can read why it was refused: for an
     * {@code Origin} set with {@link Builder#corsOrigins}, that origin, credentials allowed, and the
     * response headers a client reads exposed; {@code Vary: Origin} whenever origins are set; none
     * otherwise. A binding puts them on the response before anything else.
     */
    public Map<String, String> corsHeaders(MercureRequest request) {
        return cors.headers(request);
    }

    /**
     * Answers an {@code OPTIONS} request on the hub's paths: a CORS preflight (it has
     * {@code Access-Control-Request-Method}) from an origin set with {@link Builder#corsOrigins} is
     * answered 204 with these headers — that origin, credentials, methods GET and POST, the headers
     * a subscriber and a publisher send, and how long the browser may keep the answer.
     *
     * @throws MercureException 405 for any other OPTIONS request, whose answer then carries no CORS
     *                          header: the browser refuses the request it was checking
     */
    public Map<String, String> preflight(MercureRequest request) {
        Map<String, String> headers = cors.preflight(request);
        if (headers == null) {
            throw methodNotAllowed("OPTIONS");
        }
        return headers;
    }

    private static MercureException unauthorized(String reason) {
        // RFC 6750 §3.1: no error code when no token was presented.
        return new MercureException(401, reason, Map.of("WWW-Authenticate", "Bearer"));
    }

    /** @throws MercureException 415 unless {@code contentType} is {@value #FORM} (any parameters) */
    public static void checkFormContentType(String contentType) {
        String bare = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!bare.equals(FORM)) {
            throw new MercureException(415, "publish with Content-Type: " + FORM);
        }
    }

    /** The refusal of a method other than GET and POST: 405 with {@code Allow: GET, POST}. */
    public static MercureException methodNotAllowed(String method) {
        return new MercureException(405, method + " is not allowed here: GET subscribes, POST publishes",
                Map.of("Allow", "GET, POST"));
    }

    /** The refusal of a query or form ({@code what}) that is not valid URL encoding: 400. */
    public static MercureException badEncoding(String what) {
        return MercureException.badRequest(what + " is not valid URL encoding");
    }


    /** The refusal of a publish body over {@code maxBytes}: 413. */
    public static MercureException tooLarge(int maxBytes) {
        return new MercureException(413, "the form body is larger than " + maxBytes + " bytes or has too many fields");
    }

    /** The most form fields a valid publish has: Mercure's fields plus one per topic. */
    public static int maxFormFields() {
        return MAX_TOPICS + 8;
    }

    /** Settings for {@link Mercure}. Not thread-safe; build once. */
    public static final class Builder {
        final Hub hub;
        String publisherJwtKey;
        PublicKey publisherPublicKey;
        String subscriberJwtKey;
        PublicKey subscriberPublicKey;
        boolean anonymousSubscribers = true;
        String issuer;
        String audience;
        URI hubUrl = URI.create("https://localhost" + HUB_PATH);
        Cors cors = Cors.NONE;
        Duration maxStreamDuration;
        boolean activeSubscriptions;

        Builder(Hub hub) {
            this.hub = Objects.requireNonNull(hub, "hub");
        }

        /**
         * The HS256 key that publisher JWTs are signed with, at least 32 bytes in UTF-8 (RFC 7518
         * §3.2: an HMAC key as long as the hash). {@code null} (the default) turns HTTP
         * publishing off: POST answers 403; publish from Java with {@link Hub#publish}.
         */
        public Builder publisherJwtKey(String key) {
            this.publisherJwtKey = hs256Key(key, "publisherJwtKey");
            return this;
        }

        /**
         * A PEM file with the public key publisher tokens are signed for: RSA (RS256) or EC P-256
         * (ES256); {@code null} for none. Either key, or both, turn HTTP publishing on.
         *
         * @throws IllegalArgumentException if the file holds no such key
         */
        public Builder publisherJwtPublicKey(Path pem) {
            this.publisherPublicKey = pem == null ? null : TokenKeys.readPublicKey(pem);
            return this;
        }

        /**
         * The HS256 key subscriber tokens are signed with, at least 32 bytes; {@code null} (the
         * default) verifies them with the publisher keys, unless a subscriber public key is set.
         */
        public Builder subscriberJwtKey(String key) {
            this.subscriberJwtKey = hs256Key(key, "subscriberJwtKey");
            return this;
        }

        /** A PEM file with the public key subscriber tokens are signed for (RS256 or ES256). */
        public Builder subscriberJwtPublicKey(Path pem) {
            this.subscriberPublicKey = pem == null ? null : TokenKeys.readPublicKey(pem);
            return this;
        }

        /**
         * Whether subscribers without a token are served (default {@code true}): they receive public
         * updates only. {@code false} answers them 401.
         */
        public Builder anonymousSubscribers(boolean allowed) {
            this.anonymousSubscribers = allowed;
            return this;
        }

        /** The {@code iss} every token must carry, or {@code null} (the default) for any. */
        public Builder jwtIssuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The {@code aud} every token must include (the hub's resource identifier), or {@code null} for any. */
        public Builder jwtAudience(String audience) {
            this.audience = audience;
            return this;
        }

        /**
         * The origins whose pages may subscribe and publish from the browser with credentials
         * (cookies, an {@code Authorization} header), such as {@code https://app.example.com}
         * (default none: only pages of the hub's own origin). Each is {@code scheme://host[:port]};
         * {@code *} is refused, as the hub must name the origins it trusts with a user's
         * credentials. Allowing an origin never skips authorization: its publishes still need a
         * publisher token. See {@link Mercure#corsHeaders} and {@link Mercure#preflight}.
         *
         * @throws IllegalArgumentException naming an entry that is not an origin
         */
        public Builder corsOrigins(Collection<String> origins) {
            this.cors = Cors.of(origins);
            return this;
        }

        /**
         * How long a subscriber's stream may last (default: no bound). At the bound the stream ends
         * normally; the client reconnects after its retry delay with its last event id, and the hub
         * replays what it missed meanwhile. It bounds what a connection holds (a token revoked
         * elsewhere, a proxy's own timeout, load spread to new nodes); {@code null} for none.
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxStreamDuration(Duration lifetime) {
            if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
                throw new IllegalArgumentException("maxStreamDuration must be positive, was " + lifetime);
            }
            this.maxStreamDuration = lifetime;
            return this;
        }

        /**
         * Whether the hub tracks its active subscriptions (default {@code false}): it then publishes
         * an update when a subscription starts and ends, and answers the subscriptions API
         * ({@link Mercure#SUBSCRIPTIONS_PATH}); see {@link Mercure#track} and
         * {@link Mercure#subscriptions}. Per node: with several nodes, each lists its own.
         */
        public Builder activeSubscriptions(boolean on) {
            this.activeSubscriptions = on;
            return this;
        }

        private static String hs256Key(String key, String what) {
            if (key != null && key.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException(what + " must be at least 32 bytes for HS256 (RFC 7518 §3.2)");
            }
            return key;
        }

        /**
         * The hub's URL (default {@code https://localhost/.well-known/mercure}): relative URL
         * patterns and relative topics are resolved against it before they are matched.
         */
        public Builder hubUrl(URI url) {
            if (!url.isAbsolute() || url.getHost() == null) {
                throw new IllegalArgumentException("hubUrl must be an absolute URL with a host, was " + url);
            }
            this.hubUrl = url;
            return this;
        }

        public Mercure build() {
            return new Mercure(this);
        }
    }
}
