package dev.herald.app.notifications;

import dev.herald.htmx.Contract;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.Swap;
import java.util.List;

/**
 * The unread count in every page's navigation ({@code #unread-count} in {@code layout.jte}): its own
 * topic, so that a page listens to the count without the notifications themselves, and an
 * out-of-band contract. Every page subscribes to {@link #TOPIC} and declares {@link #CONTRACT}.
 *
 * <p>A page may read the count after its stream position, under another feature's lock: the count's
 * events replace the whole count, so one replayed on top of a count that already includes it does
 * no harm, and nothing after the position is missed.
 */
public final class Unread {

    /** The topic of the count's changes. */
    public static final String TOPIC = "notifications/unread";
    /** The count changed: an out-of-band swap of {@code #unread-count}. */
    public static final Contract CONTRACT = Contract.oob("unread");
    /** The id of the count's element. */
    static final String TARGET = "unread-count";

    private Unread() {
    }

    /** The count as the fragment that replaces the element's content: nothing at zero (the badge hides). */
    static Fragment fragment(int unread) {
        return Fragment.of(text(unread), TARGET, Swap.INNER_HTML);
    }

    /** What the badge says: the count, or nothing when there is nothing unread. */
    public static String text(int unread) {
        return unread == 0 ? "" : Integer.toString(unread);
    }

    /** The count's event: one fragment, conflated with older counts for a connection that lags. */
    static List<Fragment> fragments(int unread) {
        return List.of(fragment(unread));
    }
}
