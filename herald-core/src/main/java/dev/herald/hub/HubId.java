package dev.herald.hub;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The hub's own event ids: {@code #<epoch>:<position>}, a relative IRI reference made of a fragment,
 * as Mercure suggests for "an offset or a sequence that is unique for this hub". Publisher ids may
 * not start with {@code #}, so the two kinds never collide. The epoch is eight base-36 characters
 * drawn at random when a hub is built, so an id from an earlier life of the hub is recognised as
 * such; the position is the event's place in the hub's publish order, so resuming is a lookup.
 */
final class HubId {

    /** What a hub id starts with, and a publisher's id must not. */
    static final char PREFIX = '#';

    private static final Pattern SHAPE = Pattern.compile("#[0-9a-z]{8}:[0-9]{1,18}");
    private static final int EPOCH_LENGTH = 8;

    private HubId() {
    }

    static String newEpoch() {
        // 36^8 ≈ 2.8e12 values: two lives of a hub sharing an epoch is not a practical risk.
        long value = new SecureRandom().nextLong(2_821_109_907_456L);
        String digits = Long.toString(value, 36);
        return "0".repeat(EPOCH_LENGTH - digits.length()) + digits;
    }

    static String format(String epoch, long position) {
        return PREFIX + epoch + ':' + position;
    }

    /** True if and only if {@code id} is in the hub's namespace (starts with {@code #}). */
    static boolean isReserved(String id) {
        return !id.isEmpty() && id.charAt(0) == PREFIX;
    }

    /** True if and only if {@code id} has the form of a hub id, of any epoch. */
    static boolean hasShape(String id) {
        return SHAPE.matcher(id).matches();
    }

    /**
     * A publisher's own event id as given ({@code null}: none); throws when it is empty, in the
     * hub's namespace, or {@value Hub#EARLIEST}.
     */
    static String checkPublisherId(String id) {
        if ("".equals(id)) {
            // On the wire "id:" with no value clears the client's last event id: it could never resume.
            throw new IllegalArgumentException("event id is empty: leave it unset and the hub assigns one");
        }
        if (id != null && isReserved(id)) {
            throw new IllegalArgumentException("event id \"" + id + "\" starts with #, as the hub's own ids do; choose another");
        }
        if (Hub.EARLIEST.equals(id)) {
            throw new IllegalArgumentException("event id \"earliest\" is reserved: it asks for all of history");
        }
        return id;
    }

    static String epochOf(String id) {
        return id.substring(1, 1 + EPOCH_LENGTH);
    }

    static long positionOf(String id) {
        return Long.parseLong(id, EPOCH_LENGTH + 2, id.length(), 10);
    }
}
