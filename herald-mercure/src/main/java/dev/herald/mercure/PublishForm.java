package dev.herald.mercure;

import dev.herald.hub.Publication;
import dev.herald.sse.SseEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads a publish form (Mercure's fields) into a {@link Publication}: {@code topic} (one or more),
 * {@code data}, {@code type}, {@code id}, {@code retry} (ASCII digits, sent with the event),
 * {@code private} (present = private, whatever its value). Unknown fields are ignored, as the
 * spec asks. No topic may be {@code *} or address the hub's own path.
 */
final class PublishForm {

    /** The event type of the hub's own events (subscription events): publishers may not forge it. */
    static final String MERCURE_TYPE = "mercure";

    private PublishForm() {
    }

    /**
     * @param hubUrl the hub's URL: no topic may address its path or below ({@link ReservedNamespace})
     * @throws MercureException 400 naming the bad field
     */
    static Publication read(Map<String, List<String>> form, URI hubUrl) {
        List<String> topics = Limits.topics(form.getOrDefault("topic", List.of()), "topic");
        for (String topic : topics) {
            Limits.printable(topic, "a topic");
            if (ReservedNamespace.addresses(topic, hubUrl)) {
                throw MercureException.badRequest("topic \"" + topic + "\" is under the hub's own path "
                        + hubUrl.getRawPath() + ", reserved for the events the hub generates");
            }
        }
        String retry = first(form, "retry");
        if (retry != null && !retry.matches("[0-9]{1,10}")) {
            throw MercureException.badRequest("retry must be a number of milliseconds (ASCII digits), was \"" + retry + "\"");
        }
        String id = Limits.printable(Limits.id(emptyToNull(first(form, "id")), "id"), "id");
        String type = Limits.printable(emptyToNull(first(form, "type")), "type");
        if (MERCURE_TYPE.equals(type)) {
            throw MercureException.badRequest("type \"mercure\" is reserved for the hub's own events");
        }
        String data = first(form, "data");
        Publication publication;
        try {
            publication = Publication.of(topics, SseEvent.message(id, type, data == null ? "" : data));
        } catch (IllegalArgumentException e) {
            throw MercureException.badRequest(e.getMessage());
        }
        if (retry != null) {
            publication = publication.retry(Duration.ofMillis(Long.parseLong(retry)));
        }
        return form.containsKey("private") ? publication.privately() : publication;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
