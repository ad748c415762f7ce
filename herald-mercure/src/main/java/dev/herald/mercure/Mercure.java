package dev.herald.mercure;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.Publication;
import dev.herald.stream.EventStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /** The media type of a publish body. */
    public static final String FORM = "application/x-www-form-urlencoded";

    /** A protocol version, as a request's parameters speak it. */
    public enum Version {
        /** Mercure 1.0: {@code match}, {@code match_urlpattern}, {@code last_event_id}. */
        V1,
        /** Mercure 0.x (draft-07 and the 0.x hubs): {@code topic}, {@code lastEventID}. */
        V0
    }

    private final Hub hub;
    private final URI hubUrl;
    private final PublisherAuth publishers; // null: publishing over HTTP is off

    private Mercure(Builder settings) {
        this.hub = settings.hub;
        this.hubUrl = settings.hubUrl;
        this.publishers = settings.publisherJwtKey == null ? null : new PublisherAuth(settings.publisherJwtKey);
    }

    public static Builder builder(Hub hub) {
        return new Builder(hub);
    }

    /**
     * Reads and authorizes a subscribe request.
     *
     * @throws MercureException 400 for bad parameters (none, too many, unknown {@code match*}, a
     *                          bad last event id)
     */
    public Subscribe subscribe(MercureRequest request) {
        return SubscribeQuery.read(request, hubUrl);
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
        PublisherAuth.Permit permit = publishers.authenticate(request.header("Authorization"));
        Publication publication = PublishForm.read(form.get());
        permit.check(publication.topics());
        try {
            return hub.publish(publication);
        } catch (IllegalArgumentException e) {
            throw MercureException.badRequest(e.getMessage());
        }
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
        URI hubUrl = URI.create("https://localhost" + HUB_PATH);

        Builder(Hub hub) {
            this.hub = Objects.requireNonNull(hub, "hub");
        }

        /**
         * The HS256 key that publisher JWTs are signed with, at least 32 bytes in UTF-8 (RFC 7518
         * §3.2: an HMAC key as long as the hash). {@code null} (the default) turns HTTP
         * publishing off: POST answers 403; publish from Java with {@link Hub#publish}.
         */
        public Builder publisherJwtKey(String key) {
            if (key != null && key.getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new IllegalArgumentException("publisherJwtKey must be at least 32 bytes for HS256 (RFC 7518 §3.2)");
            }
            this.publisherJwtKey = key;
            return this;
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
