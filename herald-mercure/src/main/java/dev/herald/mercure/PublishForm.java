package dev.herald.mercure;

import dev.herald.hub.Publication;
import dev.herald.sse.SseEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads a publish form (Mercure's fields) into a {@link Publication}: {@code topic} (one or more),
 * {@code data}, {@code type}, {@code id}, {@code retry} (ASCII digits, sent with the event),
 * {@code private} (present = private, whatever its value). Unknown fields are ignored, as the
 * spec asks.
 */
final class PublishForm {

    private PublishForm() {
    }

    /** @throws MercureException 400 naming the bad field */
    static Publication read(Map<String, List<String>> form) {
        List<String> topics = Limits.topics(form.getOrDefault("topic", List.of()), "topic");
        String retry = first(form, "retry");
        if (retry != null && !retry.matches("[0-9]{1,10}")) {
            throw MercureException.badRequest("retry must be a number of milliseconds (ASCII digits), was \"" + retry + "\"");
        }
        String id = Limits.id(emptyToNull(first(form, "id")), "id");
        String type = emptyToNull(first(form, "type"));
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
