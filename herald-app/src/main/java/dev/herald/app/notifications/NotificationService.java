package dev.herald.app.notifications;

import dev.herald.app.db.Section;
import dev.herald.htmx.Contract;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.Rerender;
import dev.herald.htmx.Swap;
import dev.herald.hub.Hub;
import dev.herald.hub.SnapshotSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Posting, reading and marking notifications, each change published to the pages' topics.
 *
 * <p><b>No render/subscribe race</b> (DESIGN.md §8.8), on any number of nodes. A change stores its
 * rows and publishes its events in a write of the {@link Section} {@value #SECTION}; a page — or a
 * gap re-render — reads the hub position and then the rows in a read of it. So every event after
 * that position is of a change the rows do not show, and every change they show has its events at
 * or before it: resuming from the position, a page loses nothing and shows nothing twice.
 */
public final class NotificationService implements SnapshotSource {

    /** The topic of new notifications. */
    public static final String TOPIC = "notifications";
    /** Both topics the notifications page listens to. */
    public static final List<String> TOPICS = List.of(TOPIC, Unread.TOPIC);
    static final Contract ITEMS = NotificationsPage.ITEMS;
    static final Contract READ = NotificationsPage.READ;
    static final String ITEM_EVENT = ITEMS.name();
    static final String UNREAD_EVENT = Unread.CONTRACT.name();
    /** Newest notifications a page shows: a page never renders an unbounded history. */
    static final int HISTORY_LIMIT = 100;

    /** The name of the notifications' {@link Section}. */
    static final String SECTION = "notifications";

    private final Section section;
    private final NotificationRepository repository;
    private final NotificationViews views;
    private final Hub hub;
    private final Htmx htmx;
    private final Clock clock;

    NotificationService(Section section, NotificationRepository repository, NotificationViews views, Hub hub, Htmx htmx,
                        Clock clock) {
        this.section = section;
        this.repository = repository;
        this.views = views;
        this.hub = hub;
        this.htmx = htmx;
        this.clock = clock;
    }

    /** Stores a notification and publishes it and the new unread count. */
    public Notification post(NotificationDraft draft) {
        return section.write(() -> {
            Notification notification = repository.insert(draft, clock.instant());
            htmx.publish(TOPIC, ITEMS.event(views.item(notification)));
            publishUnreadCount();
            return notification;
        });
    }

    /** Marks one notification read and publishes it and the count; false when there is no such notification. */
    public boolean markRead(long id) {
        return section.write(() -> {
            Optional<Notification> read = repository.markRead(id, clock.instant());
            read.ifPresent(notification -> {
                htmx.publish(TOPIC, READ.event(List.of(Fragment.of(views.item(notification), notification.domId(), Swap.OUTER_HTML))));
                publishUnreadCount();
            });
            return read.isPresent();
        });
    }

    /** Marks every notification read and publishes the list and the count; returns how many were unread. */
    public int markAllRead() {
        return section.write(() -> {
            int marked = repository.markAllRead(clock.instant());
            htmx.publish(TOPIC, READ.event(List.of(Fragment.of(views.items(repository.newest(HISTORY_LIMIT)), ITEMS.target(),
                    Swap.INNER_HTML))));
            publishUnreadCount();
            return marked;
        });
    }

    /** The page as of now, with the stream position it was read at. */
    public NotificationsPage page() {
        return section.read(() -> {
            String position = hub.position();
            return new NotificationsPage(position, repository.newest(HISTORY_LIMIT), repository.countUnread());
        });
    }

    /** The unread count now, for the navigation of other features' pages (see {@link Unread}). */
    public int unreadCount() {
        return repository.countUnread();
    }

    /**
     * The gap re-render: {@link #TOPIC}'s region (the list) or {@link Unread#TOPIC}'s (the count),
     * read with the position in a read of the section.
     */
    @Override
    public Optional<Snapshot> snapshot(String topic) {
        if (!TOPICS.contains(topic)) {
            return Optional.empty();
        }
        NotificationsPage page = page();
        Fragment region = topic.equals(TOPIC)
                ? Fragment.of(views.items(page.notifications()), ITEMS.target(), Swap.INNER_HTML)
                : Unread.fragment(page.unread());
        return Optional.of(Rerender.snapshot(page.position(), List.of(region)));
    }

    private void publishUnreadCount() {
        htmx.publish(Unread.TOPIC, Unread.CONTRACT.event(Unread.fragments(repository.countUnread())));
    }
}
