package dev.herald.app.dashboard;

import dev.herald.app.web.Layout;
import dev.herald.htmx.Fragment;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.htmx.Swap;
import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live dashboard: every second a {@link Sample} is kept (the last {@value #KEPT_SAMPLES}, five
 * minutes, for the sparklines) and, while any page watches, the panels are rendered once and
 * published to {@value #TOPIC} as out-of-band swaps. Every tick replaces every panel, so a page
 * subscribes without a position: the next tick brings it up to date.
 */
final class Dashboard implements AutoCloseable {

    static final String TOPIC = "dashboard";
    static final int KEPT_SAMPLES = 300;
    static final int MIN_SLOTS = 60;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Sample> samples = new ArrayDeque<>(KEPT_SAMPLES); // guarded by lock
    private final Sampler sampler;
    private final Hub hub;
    private final Htmx htmx;
    private final JteRenderer templates;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("herald-dashboard").factory());

    Dashboard(Sampler sampler, Hub hub, Htmx htmx, JteRenderer templates) {
        this.sampler = sampler;
        this.hub = hub;
        this.htmx = htmx;
        this.templates = templates;
        keep(sampler.next());
    }

    void start() {
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** The page as of the newest sample. */
    String renderPage(PageStream stream, int unread) {
        return templates.render("dashboard/page.jte", Map.of(
                "view", view(), "layout", new Layout("Dashboard", "dashboard", stream, unread)));
    }

    private void tick() {
        try {
            keep(sampler.next());
            if (hub.stats().subscribersByTopic().containsKey(TOPIC)) {
                htmx.publish(TOPIC, DashboardView.TICK.event(fragments(view())));
            }
        } catch (HubClosedException e) {
            ticker.shutdown();
        } catch (RuntimeException e) {
            // a failed tick must not cancel the schedule; the next one tries again
            org.slf4j.LoggerFactory.getLogger(Dashboard.class).warn("dashboard tick failed", e);
        }
    }

    /** Each panel replacing itself. */
    private List<Fragment> fragments(DashboardView view) {
        List<Fragment> fragments = new ArrayList<>();
        for (Panel panel : view.panels()) {
            fragments.add(Fragment.of(templates.render("dashboard/panel.jte", panel), panel.id(), Swap.OUTER_HTML));
        }
        fragments.add(Fragment.of(templates.render("dashboard/topics.jte", view), "panel-topics", Swap.OUTER_HTML));
        return fragments;
    }

    private void keep(Sample sample) {
        lock.lock();
        try {
            if (samples.size() == KEPT_SAMPLES) {
                samples.removeFirst();
            }
            samples.addLast(sample);
        } finally {
            lock.unlock();
        }
    }

    private DashboardView view() {
        List<Sample> kept;
        lock.lock();
        try {
            kept = new ArrayList<>(samples);
        } finally {
            lock.unlock();
        }
        // A young server's line fills a minute's width; after that it spans what is kept (five minutes).
        return DashboardView.of(kept, Math.clamp(kept.size(), MIN_SLOTS, KEPT_SAMPLES));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
