package dev.herald.mercure;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.hub.HubUnavailableException;
import dev.herald.hub.Publication;
import dev.herald.sse.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The subscriptions open on this hub node (Mercure's "Active Subscriptions"): each subscribe request
 * gets a random subscriber id ({@code urn:uuid:…}, never one a client names), and each of its
 * selectors is a subscription, whose creation and end are published as private updates of type
 * {@value PublishForm#MERCURE_TYPE} on its own topic under the hub's path:
 * {@code <hub path>/subscriptions/{match_type}/{match}/{subscriber}} for a 1.0 request,
 * {@code <hub path>/subscriptions/{topic}/{subscriber}} for a 0.x one (each variable
 * percent-encoded once, RFC 6570 simple expansion). Listings and events are read and written under
 * one lock with the hub's position, so a listing and the events after its position agree.
 * Bounded by the open streams it lists.
 */
final class ActiveSubscriptions {

    /** One subscribe request that is being served. */
    record Subscriber(String id, List<Subscribe.Matcher> matchers) {
    }

    private final Hub hub;
    private final String base; // <hub path>/subscriptions
    private final Map<String, Subscriber> open = new LinkedHashMap<>(); // guarded by lock
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    ActiveSubscriptions(Hub hub, String hubPath) {
        this.hub = hub;
        this.base = hubPath + "/subscriptions";
    }

    /** Lists {@code subscribe} as active and publishes so; returns what ends it (once, whatever calls it). */
    Runnable open(Subscribe subscribe) {
        Subscriber subscriber = new Subscriber("urn:uuid:" + UUID.randomUUID(), subscribe.matchers());
        lock.writeLock().lock();
        try {
            open.put(subscriber.id(), subscriber);
            publish(subscriber, true);
        } finally {
            lock.writeLock().unlock();
        }
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                lock.writeLock().lock();
                try {
                    open.remove(subscriber.id());
                    publish(subscriber, false);
                } finally {
                    lock.writeLock().unlock();
                }
            }
        };
    }

    private void publish(Subscriber subscriber, boolean active) {
        for (Subscribe.Matcher matcher : subscriber.matchers()) {
            String document = document(subscriber, matcher, active);
            try {
                hub.publish(Publication.of(List.of(topic(subscriber, matcher)),
                        SseEvent.message(null, PublishForm.MERCURE_TYPE, document)).privately());
            } catch (HubClosedException | HubUnavailableException e) {
                return; // the hub is gone or cut off: no subscriber is left to tell
            }
        }
    }

    /**
     * The listing at {@code path} (the raw path, under {@code <hub path>/subscriptions}), as of
     * the hub's position now.
     *
     * @throws MercureException 404 for a subscription or a path that does not exist, 400 for an
     *                          unknown matcher type or a segment badly percent-encoded
     */
    Listing list(String path) {
        List<String> segments = segments(path);
        boolean v1 = !segments.isEmpty() && segments.size() != 1 && isMatcherType(segments.getFirst());
        // What each segment names: 1.0 {match_type}/{match}/{subscriber}, 0.x {topic}/{subscriber}.
        String type = segments.isEmpty() ? null : v1 ? segments.get(0) : Subscribe.Matcher.TOPIC_SELECTOR;
        String pattern = segments.isEmpty() ? null : segments.get(v1 ? 1 : 0);
        String subscriberId = segments.size() == (v1 ? 3 : 2) ? segments.getLast() : null;
        lock.readLock().lock();
        try {
            String position = hub.position();
            List<String> documents = new ArrayList<>();
            for (Subscriber subscriber : open.values()) {
                for (Subscribe.Matcher matcher : subscriber.matchers()) {
                    if ((type == null || (matcher.type().equals(type) && matcher.pattern().equals(pattern)))
                            && (subscriberId == null || subscriber.id().equals(subscriberId))) {
                        documents.add(document(subscriber, matcher, true));
                    }
                }
            }
            if (subscriberId != null) {
                if (documents.isEmpty()) {
                    throw new MercureException(404, "no active subscription at " + path);
                }
                return new Listing(documents.getFirst(), position);
            }
            return new Listing("{\"id\":" + Json.string(path) + ",\"type\":\"subscriptions\",\"subscriptions\":["
                    + String.join(",", documents) + "]}", position);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A listing's JSON and the hub position it was read at. */
    record Listing(String json, String position) {
    }

    private List<String> segments(String path) {
        if (!path.equals(base) && !path.startsWith(base + "/")) {
            throw new MercureException(404, "no subscriptions resource at " + path);
        }
        List<String> segments = new ArrayList<>();
        if (path.length() > base.length()) {
            for (String segment : path.substring(base.length() + 1).split("/", -1)) {
                segments.add(decode(segment, path));
            }
        }
        if (segments.size() > 3 || segments.contains("")) {
            throw new MercureException(404, "no subscriptions resource at " + path);
        }
        if (segments.size() == 3 && !isMatcherType(segments.getFirst())) {
            throw MercureException.badRequest("unknown matcher type \"" + segments.getFirst() + "\" in " + path
                    + ": exact or urlpattern");
        }
        return segments;
    }

    private static boolean isMatcherType(String type) {
        return type.equals("exact") || type.equals("urlpattern");
    }

    private String topic(Subscriber subscriber, Subscribe.Matcher matcher) {
        String selector = matcher.type().equals(Subscribe.Matcher.TOPIC_SELECTOR)
                ? encode(matcher.pattern())
                : encode(matcher.type()) + "/" + encode(matcher.pattern());
        return base + "/" + selector + "/" + encode(subscriber.id());
    }

    private String document(Subscriber subscriber, Subscribe.Matcher matcher, boolean active) {
        String selector = matcher.type().equals(Subscribe.Matcher.TOPIC_SELECTOR)
                ? "\"topic\":" + Json.string(matcher.pattern())
                : "\"match_type\":" + Json.string(matcher.type()) + ",\"match\":" + Json.string(matcher.pattern());
        return "{\"id\":" + Json.string(topic(subscriber, matcher)) + ",\"type\":\"subscription\",\"subscriber\":"
                + Json.string(subscriber.id()) + "," + selector + ",\"active\":" + active + "}";
    }

    /** RFC 6570 simple expansion of one value: everything but unreserved characters percent-encoded, once. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static String decode(String segment, String path) {
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw MercureException.badRequest("a segment of " + path + " is badly percent-encoded");
        }
    }
}
