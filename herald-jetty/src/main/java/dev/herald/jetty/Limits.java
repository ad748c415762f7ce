package dev.herald.jetty;

import dev.herald.stream.EventStream;
import java.util.List;

/** Bounds on what a client may send; each is a guard against a request that costs the hub memory. */
final class Limits {

    /**
     * Topics per subscribe or publish. A subscription is registered under each of its topics and a
     * publish appends to each topic's log, so the count multiplies the work a single request
     * causes: the same bound as an application stream's ({@link EventStream#MAX_TOPICS}).
     */
    static final int MAX_TOPICS = EventStream.MAX_TOPICS;

    /**
     * Length of an event id, in chars, for publisher ids and for Last-Event-ID alike: the hub
     * indexes publisher ids in memory, and a resume id is looked up in that index. Hub ids are
     * ~30 chars and UUID URNs 45, so 256 leaves room without letting a client park large keys.
     */
    static final int MAX_ID_LENGTH = EventStream.MAX_ID_LENGTH;

    /** The header a reconnecting client sends its last event id in. */
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private Limits() {
    }

    /** Checks the topic count; the hub itself checks each name (empty, too long). */
    static List<String> topics(List<String> topics) {
        if (topics.isEmpty()) {
            throw HttpProblem.badRequest("at least one topic parameter is required");
        }
        if (topics.size() > MAX_TOPICS) {
            throw HttpProblem.badRequest("too many topics: " + topics.size() + ", the limit is " + MAX_TOPICS);
        }
        return topics;
    }

    /**
     * Checks the id a stream resumes after ({@code null} for none): its length, and no CR, LF or
     * NUL, which no event id can hold (WHATWG HTML §9.2.6): the client did not get it from us.
     */
    static String lastEventId(String id) {
        try {
            return EventStream.checkResumeId(id, LAST_EVENT_ID);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }

    /** Checks an id's length; the {@code SseEvent} records check its characters. */
    static String id(String id, String what) {
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw HttpProblem.badRequest(what + " is " + id.length() + " chars long, the limit is " + MAX_ID_LENGTH);
        }
        return id;
    }
}
