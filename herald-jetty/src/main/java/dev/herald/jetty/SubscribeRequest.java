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
 * @param routed      {@code herald-route=topics}: every event names its topics and position in the
 *                    first line of its data, for a browser sharing the stream among its tabs
 */
record SubscribeRequest(List<String> topics, String lastEventId, boolean routed) {

    static final String LAST_EVENT_ID_PARAMETER = "lastEventID";
    static final String ROUTE_PARAMETER = "herald-route";

    SubscribeRequest {
        topics = List.copyOf(Limits.topics(topics));
        Limits.lastEventId(lastEventId);
    }

    /** Reads the request's query (bounded by Jetty's request header size, 8 KiB by default). */
    static SubscribeRequest from(Request request) {
        Fields query;
        try {
            query = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw HttpProblem.badRequest("the query string is not valid URL encoding");
        }
        String header = request.getHeaders().get(Limits.LAST_EVENT_ID);
        String id = header != null ? header : query.getValue(LAST_EVENT_ID_PARAMETER);
        List<String> topics = query.getValuesOrEmpty("topic");
        return new SubscribeRequest(topics, id == null || id.isEmpty() ? null : id, routed(query.getValues(ROUTE_PARAMETER)));
    }

    private static boolean routed(List<String> values) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        if (values.size() > 1 || !values.getFirst().equals("topics")) {
            throw HttpProblem.badRequest(ROUTE_PARAMETER + " must be given once, as \"topics\"");
        }
        return true;
    }
}
