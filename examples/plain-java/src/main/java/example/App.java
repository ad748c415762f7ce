package example;

import dev.herald.htmx.Contract;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.htmx.PageStream;
import dev.herald.hub.Hub;
import dev.herald.jetty.HeraldServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public final class App {
    public static final Contract ITEMS = Contract.append("notification", "notifications"); // event, target id, swap

    final Hub hub = Hub.builder().build();
    final Htmx htmx = Htmx.builder(hub).build();
    final JteRenderer templates = JteRenderer.precompiled(); // src/main/jte, compiled by the build
    final ReadWriteLock lock = new ReentrantReadWriteLock();  // publishers write under it, pages read
    final List<String> history = new ArrayList<>();          // your database, in a real app

    public static void main(String[] args) {
        start(8080);
    }

    public static HeraldServer start(int port) {
        App app = new App();
        HeraldServer server = HeraldServer.builder(app.hub).port(port).handler(new Routes(app)).build();
        server.start();
        return server;
    }

    /** A page render: the history and the hub position, read under the lock publishers hold. */
    String page() {
        lock.readLock().lock();
        try {
            PageStream stream = htmx.page(hub.position(), List.of("notifications"), List.of(ITEMS));
            return templates.render("page.jte", Map.of("stream", stream, "history", List.copyOf(history)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Anywhere in your code: store it, render a fragment, publish it; every open page appends it. */
    void post(String text) {
        lock.writeLock().lock();
        try {
            history.add(text);
            htmx.publish("notifications", ITEMS.event(templates.render("item.jte", text)));
        } finally {
            lock.writeLock().unlock();
        }
    }
}
