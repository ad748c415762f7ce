package dev.herald.jetty;

import java.util.List;

/** Bounds on what a client may send; each is a guard against a request that costs the hub memory. */
final class Limits {

    /**
     * Topics per subscribe or publish. A subscription is registered under each of its topics and a
     * publish appends to each topic's log, so the count multiplies the work a single request
     * causes; 64 is far above what a page needs (Nchan allows 255 channels per connection).
     */
    static final int MAX_TOPICS = 64;

    /**
     * Length of an event id, in chars, for publisher ids and for Last-Event-ID alike: the hub
     * indexes publisher ids in memory, and a resume id is looked up in that index. Hub ids are
     * ~30 chars and UUID URNs 45, so 256 leaves room without letting a client park large keys.
     */
    static final int MAX_ID_LENGTH = 256;

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
        id(id, LAST_EVENT_ID);
        if (id != null && (id.indexOf('\r') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\0') >= 0)) {
            throw HttpProblem.badRequest(LAST_EVENT_ID + " must not contain CR, LF or NUL");
        }
        return id;
    }

    /** Checks an id's length; the {@code SseEvent} records check its characters. */
    static String id(String id, String what) {
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw HttpProblem.badRequest(what + " is " + id.length() + " chars long, the limit is " + MAX_ID_LENGTH);
        }
        return id;
    }
}
