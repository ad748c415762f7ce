package dev.herald.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.db.Database;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.hub.Hub;
import dev.herald.hub.HubEvent;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.hub.Subscription;
import dev.herald.sse.SseEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationServiceTest {

    private static final Pattern ITEM_ID = Pattern.compile("id=\"notification-(\\d+)\"");
    private static final Pattern COUNT = Pattern.compile(">(\\d+)</div>");

    @TempDir
    Path dataDir;
    private Database database;
    private Hub hub;
    private NotificationService service;

    @BeforeEach
    void open() {
        database = Database.sqlite(dataDir);
        hub = Hub.builder().build();
        service = new NotificationService(database.section(NotificationService.SECTION), new NotificationRepository(database),
                new NotificationViews(JteRenderer.precompiled()), hub, Htmx.builder(hub).build(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        hub.close();
        database.close();
    }

    @Test
    void postingPublishesTheItemThenTheUnreadCounter() {
        PageWatch watch = PageWatch.open(service, hub);

        Notification posted = service.post(new NotificationDraft("Deploy", "done"));

        assertThat(watch.events).extracting(e -> e.message().type()).containsExactly("notification", "unread");
        assertThat(watch.events.get(0).message().data()).contains("id=\"" + posted.domId() + "\"", "Deploy", "done");
        assertThat(watch.events.get(1).message().data()).isEqualTo("<div hx-swap-oob=\"innerHTML:#unread-count\">1</div>");
        assertThat(watch.events.get(1).conflationKey()).isEqualTo("innerHTML:#unread-count");
        assertThat(watch.events.get(0).conflationKey()).isNull();
    }

    @Test
    void markingAllReadPublishesTheListAsReadAndAnEmptyCounter() {
        service.post(new NotificationDraft("a", ""));
        PageWatch watch = PageWatch.open(service, hub);

        assertThat(service.markAllRead()).isEqualTo(1);

        assertThat(watch.events).extracting(e -> e.message().type()).containsExactly("read", "unread");
        assertThat(watch.events.get(0).message().data()).contains("hx-swap-oob=\"innerHTML:#notifications\"",
                "class=\"card notification read\"").doesNotContain("Mark read");
        assertThat(watch.events.get(1).message().data()).isEqualTo("<div hx-swap-oob=\"innerHTML:#unread-count\"></div>");
        assertThat(service.page().unread()).isZero();
    }

    @Test
    void markingOneReadReplacesItsItemAndCountsDown() {
        Notification first = service.post(new NotificationDraft("a", ""));
        service.post(new NotificationDraft("b", ""));
        PageWatch watch = PageWatch.open(service, hub);

        assertThat(service.markRead(first.id())).isTrue();
        assertThat(service.markRead(99)).isFalse();

        assertThat(watch.events).extracting(e -> e.message().type()).containsExactly("read", "unread");
        assertThat(watch.events.get(0).message().data()).contains("hx-swap-oob=\"outerHTML:#" + first.domId() + "\"",
                "class=\"card notification read\"");
        assertThat(watch.events.get(1).message().data()).isEqualTo("<div hx-swap-oob=\"innerHTML:#unread-count\">1</div>");
    }

    @Test
    void aPageRenderedAfterPostsShowsThemAsHistoryAndReplaysNothing() {
        Notification first = service.post(new NotificationDraft("one", ""));
        Notification second = service.post(new NotificationDraft("two", ""));

        PageWatch watch = PageWatch.open(service, hub);

        assertThat(watch.page.notifications()).as("newest first").containsExactly(second, first);
        assertThat(watch.page.unread()).isEqualTo(2);
        assertThat(watch.events).isEmpty();
    }

    /**
     * DESIGN.md §8.8: pages render (position, then rows) and subscribe from their position while
     * other threads post. Each page's history followed by its stream is every notification exactly
     * once, in order, and its last counter is the final count.
     */
    @Test
    void pagesRenderedWhilePostsRaceShowEveryNotificationExactlyOnce() throws Exception {
        int posters = 4;
        int postsEach = 20; // 80 in all: within the page's history limit and the hub's log
        AtomicBoolean posting = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        List<PageWatch> watches = new CopyOnWriteArrayList<>();
        watches.add(PageWatch.open(service, hub));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var posts = new ArrayList<java.util.concurrent.Future<?>>();
            for (int p = 0; p < posters; p++) {
                int poster = p;
                posts.add(threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < postsEach; i++) {
                        service.post(new NotificationDraft("poster " + poster + " #" + i, ""));
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 4; r++) {
                threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < 100 && posting.get(); i++) { // bounded, whatever the timing
                        watches.add(PageWatch.open(service, hub));
                    }
                    return null;
                });
            }
            go.countDown();
            for (var post : posts) {
                post.get();
            }
            posting.set(false);
        }
        watches.add(PageWatch.open(service, hub));

        List<Long> all = service.page().notifications().stream().map(Notification::id).toList();
        assertThat(all).hasSize(posters * postsEach);
        assertThat(watches).hasSizeGreaterThan(2);
        for (PageWatch watch : watches) {
            assertThat(watch.gaps).isEmpty();
            assertThat(watch.shownIds()).as("history + stream of a page at %s, newest first", watch.page.position())
                    .containsExactlyElementsOf(all);
            assertThat(watch.lastCount()).isEqualTo(posters * postsEach);
        }
    }

    /** A page as a browser holds it: rendered, then subscribed from its position. */
    private static final class PageWatch implements Subscriber {
        final NotificationsPage page;
        final List<HubEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<Replay.Gap> gaps = Collections.synchronizedList(new ArrayList<>());
        Subscription subscription;

        private PageWatch(NotificationsPage page) {
            this.page = page;
        }

        static PageWatch open(NotificationService service, Hub hub) {
            PageWatch watch = new PageWatch(service.page());
            watch.subscription = hub.subscribe(NotificationService.TOPICS, watch.page.position(), watch);
            return watch;
        }

        /** The ids as the page shows them: its history (newest first), each live item put first. */
        List<Long> shownIds() {
            List<Long> ids = new ArrayList<>(page.notifications().stream().map(Notification::id).toList());
            synchronized (events) {
                for (HubEvent e : events) {
                    if (e.message().type().equals(NotificationService.ITEM_EVENT)) {
                        ids.addFirst(Long.parseLong(find(ITEM_ID, e.message().data())));
                    }
                }
            }
            return ids;
        }

        int lastCount() {
            synchronized (events) {
                for (int i = events.size() - 1; i >= 0; i--) {
                    SseEvent.Message m = events.get(i).message();
                    if (m.type().equals(NotificationService.UNREAD_EVENT)) {
                        return Integer.parseInt(find(COUNT, m.data()));
                    }
                }
            }
            return page.unread();
        }

        private static String find(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
            return m.group(1);
        }

        @Override
        public void onReplay(Replay replay) {
            if (replay instanceof Replay.Gap gap) {
                gaps.add(gap);
            }
            events.addAll(replay.events());
        }

        @Override
        public void onEvent(HubEvent event) {
            events.add(event);
        }

        @Override
        public void onShutdown(SseEvent.Message finalEvent) {
        }
    }
}
