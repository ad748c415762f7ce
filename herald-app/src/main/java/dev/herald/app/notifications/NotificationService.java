package dev.herald.app.notifications;

import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Posting, reading and marking notifications, each change published to the page's topic.
 *
 * <p><b>No render/subscribe race</b> (DESIGN.md §8.8). A change stores its rows and publishes its
 * events under the write lock; a page reads the hub position and then the rows under the read lock.
 * So every event after that position is of a change the page's rows do not show, and every change
 * they show has its events at or before it: subscribing from the position, a page loses nothing
 * and shows nothing twice.
 */
public final class NotificationService {

    /** The topic every notifications page subscribes to. */
    public static final String TOPIC = "notifications";
    /** A new notification: an item to append ({@code sse-swap="notification"}). */
    static final String ITEM_EVENT = "notification";
    /** The unread count changed: an out-of-band swap of {@code #unread-count}. */
    static final String UNREAD_EVENT = "unread";
    /** Newest notifications a page shows: a page never renders an unbounded history. */
    static final int HISTORY_LIMIT = 100;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final NotificationRepository repository;
    private final NotificationViews views;
    private final Hub hub;
    private final Clock clock;

    NotificationService(NotificationRepository repository, NotificationViews views, Hub hub, Clock clock) {
        this.repository = repository;
        this.views = views;
        this.hub = hub;
        this.clock = clock;
    }

    /** Stores a notification and publishes it and the new unread count. */
    public Notification post(NotificationDraft draft) {
        lock.writeLock().lock();
        try {
            Notification notification = repository.insert(draft, clock.instant());
            hub.publish(TOPIC, SseEvent.message(ITEM_EVENT, views.item(notification)));
            publishUnreadCount();
            return notification;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Marks every notification read and publishes the unread count; returns how many were unread. */
    public int markAllRead() {
        lock.writeLock().lock();
        try {
            int marked = repository.markAllRead(clock.instant());
            publishUnreadCount();
            return marked;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The page as of now, with the stream position it was read at. */
    public NotificationsPage page() {
        lock.readLock().lock();
        try {
            String position = hub.position();
            return new NotificationsPage(position, repository.newest(HISTORY_LIMIT), repository.countUnread());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The page rendered to HTML. */
    public String renderPage() {
        return views.page(page());
    }

    private void publishUnreadCount() {
        hub.publish(TOPIC, SseEvent.message(UNREAD_EVENT, views.unreadCounterSwap(repository.countUnread())));
    }
}
