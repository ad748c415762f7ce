package dev.herald.spring;

import dev.herald.htmx.Htmx;
import dev.herald.htmx.HtmxEvent;
import dev.herald.hub.Hub;
import dev.herald.sse.SseEvent;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes once the current transaction has committed, so a page never shows a write that was
 * rolled back: inside a Spring transaction ({@code @Transactional}, a {@code TransactionTemplate})
 * the event waits for the commit and is dropped on rollback; outside one it is published at once.
 *
 * <pre>{@code
 * @Transactional
 * public void move(long card, String column) {
 *     cards.move(card, column);                                  // the write
 *     afterCommit.publish("board", MOVED.event(renderCard(card))); // reaches pages only if it commits
 * }
 * }</pre>
 *
 * <p>A page that reads its state and the hub's position after the commit but before the publish
 * receives the event for a state it already shows: events that replace (a swap of one element's
 * content, say) make that harmless; events that add should carry what a page needs to tell (an
 * element id that {@code hx-swap-oob} replaces rather than appends twice).
 */
public final class AfterCommit {

    private final Hub hub;
    private final Htmx htmx;

    AfterCommit(Hub hub, Htmx htmx) {
        this.hub = hub;
        this.htmx = htmx;
    }

    /** {@link Htmx#publish(String, HtmxEvent)} after the commit. */
    public void publish(String topic, HtmxEvent event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        run(() -> htmx.publish(topic, event));
    }

    /** {@link Hub#publish(Collection, SseEvent.Message)} after the commit. */
    public void publish(Collection<String> topics, SseEvent.Message message) {
        List<String> copy = List.copyOf(topics);
        Objects.requireNonNull(message, "message");
        run(() -> hub.publish(copy, message));
    }

    /**
     * Runs {@code publishing} after the current transaction commits (never if it rolls back), or now
     * when there is none. After the commit it runs on the committing thread; what it throws then is
     * not the transaction's business (the data is committed) and reaches the caller of the commit.
     */
    public void run(Runnable publishing) {
        Objects.requireNonNull(publishing, "publishing");
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publishing.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publishing.run();
            }
        });
    }
}
