package dev.herald.app.agent;

/** A request key sent again with another prompt than the run it started: a client bug, answered 409. */
final class RequestKeyTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RequestKeyTakenException(String key, long runId) {
        super("The request key " + key + " already started run " + runId + " with another prompt; "
                + "a new question needs a new key (reload the page).");
    }
}
