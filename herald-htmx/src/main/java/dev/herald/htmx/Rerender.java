package dev.herald.htmx;

import dev.herald.hub.SnapshotSource;
import dev.herald.sse.SseEvent;
import java.util.List;

/**
 * The gap re-render in HTML: a topic's regions as they are now, sent as out-of-band swaps to a
 * client whose history of the topic is gone. Return {@link #snapshot} from the
 * {@link SnapshotSource} the server consults; every {@link PageStream} listens to {@value #EVENT}.
 *
 * <p>A topic's snapshot must re-render every region its events update (the rule that makes it
 * whole): give each region's content as an {@code innerHTML} fragment of the region's target.
 */
public final class Rerender {

    /** The type of the event a snapshot is written as. */
    public static final String EVENT = "herald-snapshot";

    private Rerender() {
    }

    /**
     * A snapshot read at {@code position} that swaps {@code fragments} out of band, as one
     * {@value #EVENT} event.
     *
     * @param position the hub position the state was read at, under the lock the topic's publishers
     *                 hold ({@code Hub.position()})
     */
    public static SnapshotSource.Snapshot snapshot(String position, List<Fragment> fragments) {
        if (fragments.isEmpty()) {
            throw new IllegalArgumentException("a re-render needs at least one fragment");
        }
        StringBuilder data = new StringBuilder();
        fragments.forEach(fragment -> data.append(fragment.oob()));
        return new SnapshotSource.Snapshot(position, List.of(SseEvent.message(EVENT, data.toString())));
    }
}
