package example;

import dev.herald.htmx.Contract;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.hub.Hub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class Notifications {
    public static final Contract ITEMS = Contract.append("notification", "notifications"); // event, target id, swap

    private final Hub hub;                  // the starter's beans
    private final Htmx htmx;
    private final JteRenderer templates;
    private final ReadWriteLock lock = new ReentrantReadWriteLock(); // publishers write under it, pages read
    private final List<String> history = new ArrayList<>();         // your database, in a real app

    Notifications(Hub hub, Htmx htmx, JteRenderer templates) {
        this.hub = hub;
        this.htmx = htmx;
        this.templates = templates;
    }

    /** The page: the history and the hub position, read under the lock publishers hold. */
    @GetMapping("/")
    String page(Model model) {
        lock.readLock().lock();
        try {
            model.addAttribute("stream", htmx.page(hub.position(), List.of("notifications"), List.of(ITEMS)));
            model.addAttribute("history", List.copyOf(history));
            return "page"; // src/main/jte/page.jte
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Store it, render a fragment, publish it: every open page appends it. */
    @PostMapping("/notifications")
    ResponseEntity<String> post(@RequestParam(defaultValue = "") String text) {
        if (text.isBlank()) {
            return ResponseEntity.badRequest().body("text is required");
        }
        lock.writeLock().lock();
        try {
            history.add(text.strip());
            htmx.publish("notifications", ITEMS.event(templates.render("item.jte", text.strip())));
        } finally {
            lock.writeLock().unlock();
        }
        return ResponseEntity.noContent().build();
    }
}
