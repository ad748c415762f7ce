package dev.herald.mercure;

import dev.herald.stream.EventStream;
import java.util.List;

/** Bounds on what a client may send; each is a guard against a request that costs the hub memory. */
final class Limits {

    /** The header a reconnecting client sends its last event id in. */
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private Limits() {
    }

    /** Checks the topic count; the hub itself checks each name (empty, too long). */
    static List<String> topics(List<String> topics, String parameter) {
        if (topics.isEmpty()) {
            throw MercureException.badRequest("at least one " + parameter + " parameter is required");
        }
        if (topics.size() > Mercure.MAX_TOPICS) {
            throw MercureException.badRequest("too many topics: " + topics.size() + ", the limit is " + Mercure.MAX_TOPICS);
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
            throw MercureException.badRequest(e.getMessage());
        }
    }

    /** The longest topic selector accepted, in chars, as the hub's longest topic name. */
    static final int MAX_SELECTOR_LENGTH = 1024;

    /**
     * Checks that {@code value} holds no C0 or C1 control character, no DEL and no Unicode format
     * character (category Cf: bidirectional and zero-width controls, invisible and used for
     * spoofing), as Mercure 1.0 asks of topics, selectors, ids and types.
     *
     * @throws MercureException 400 naming the first such character and where it is
     */
    static String printable(String value, String what) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            int c = value.codePointAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.getType(c) == Character.FORMAT) {
                throw MercureException.badRequest(what + " must not contain control or format characters (U+"
                        + String.format("%04X", c) + " at index " + i + ")");
            }
            if (Character.isSupplementaryCodePoint(c)) {
                i++;
            }
        }
        return value;
    }

    /** Checks a selector's length and characters. */
    static String selector(String value, String parameter) {
        if (value.isEmpty() || value.length() > MAX_SELECTOR_LENGTH) {
            throw MercureException.badRequest(parameter + " value is " + value.length() + " chars long, it must be 1 to "
                    + MAX_SELECTOR_LENGTH);
        }
        return printable(value, parameter + " value");
    }

    /** Checks an id's length; the {@code SseEvent} records check its characters. */
    static String id(String id, String what) {
        if (id != null && id.length() > Mercure.MAX_ID_LENGTH) {
            throw MercureException.badRequest(what + " is " + id.length() + " chars long, the limit is " + Mercure.MAX_ID_LENGTH);
        }
        return id;
    }
}
