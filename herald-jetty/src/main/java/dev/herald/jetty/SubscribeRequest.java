package dev.herald.jetty;

import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * A checked subscribe request: its topics and the id to resume after.
 *
 * @param topics      one to {@link Limits#MAX_TOPICS} topic names
 * @param lastEventId the {@code Last-Event-ID} header, else the {@code lastEventID} query
 *                    parameter (Mercure's name; the htmx 2 SSE extension's own reconnect drops the
 *                    header, htmx-extensions #184), else {@code null}; an empty id counts as none
 */
record SubscribeRequest(List<String> topics, String lastEventId) {

    static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";
    static final String LAST_EVENT_ID_PARAMETER = "lastEventID";

    SubscribeRequest {
        topics = List.copyOf(Limits.topics(topics));
        Limits.id(lastEventId, LAST_EVENT_ID_HEADER);
        if (lastEventId != null) {
            for (int i = 0; i < lastEventId.length(); i++) {
                char c = lastEventId.charAt(i);
                if (c == '\r' || c == '\n' || c == '\0') {
                    // No event id can hold these (WHATWG HTML §9.2.6): the client did not get it from us.
                    throw HttpProblem.badRequest(LAST_EVENT_ID_HEADER + " must not contain CR, LF or NUL");
                }
            }
        }
    }

    /** Reads the request's query (bounded by Jetty's request header size, 8 KiB by default). */
    static SubscribeRequest from(Request request) {
        Fields query;
        try {
            query = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("the query string is not valid URL encoding");
        }
        String header = request.getHeaders().get(LAST_EVENT_ID_HEADER);
        String id = header != null ? header : query.getValue(LAST_EVENT_ID_PARAMETER);
        List<String> topics = query.getValuesOrEmpty("topic");
        return new SubscribeRequest(topics, id == null || id.isEmpty() ? null : id);
    }
}
