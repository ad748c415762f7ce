package dev.herald.jetty;

import dev.herald.sse.SseEvent;
import java.util.List;
import org.eclipse.jetty.util.Fields;

/**
 * A checked publish form (Mercure fields): the topics and the message to publish to each.
 *
 * <p>{@code retry} is checked (ASCII digits only, as WHATWG HTML §9.2.6 reads it) and then not
 * sent: every stream already starts with the server's own {@code retry:}, which is what governs
 * reconnection, and a per-event retry would change it for every subscriber of the topic. A
 * {@code private} update is refused: Herald has no subscriber authorisation yet, and a private
 * update published publicly would leak.
 *
 * @param topics  one to {@link Limits#MAX_TOPICS} topic names
 * @param message the event; its id is the publisher's, or {@code null} for one the hub assigns
 */
record PublishRequest(List<String> topics, SseEvent.Message message) {

    PublishRequest {
        topics = List.copyOf(Limits.topics(topics));
    }

    /** @throws HttpProblem 400 naming the bad field */
    static PublishRequest from(Fields form) {
        if (form.get("private") != null) {
            throw HttpProblem.badRequest("private updates are not supported yet");
        }
        String retry = form.getValue("retry");
        if (retry != null && !retry.matches("[0-9]{1,10}")) {
            throw HttpProblem.badRequest("retry must be a number of milliseconds (ASCII digits), was \"" + retry + "\"");
        }
        String id = Limits.id(emptyToNull(form.getValue("id")), "id");
        String type = emptyToNull(form.getValue("type"));
        String data = form.getValue("data");
        try {
            return new PublishRequest(form.getValuesOrEmpty("topic"), SseEvent.message(id, type, data == null ? "" : data));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
