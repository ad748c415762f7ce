package dev.herald.jetty;

import dev.herald.hub.Hub;
import dev.herald.hub.HubClosedException;
import dev.herald.sse.SseEvent;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the hub's side of HTTP publishes — taking the hub's lock and fanning out — on one platform
 * thread. On the request's virtual thread, a publish that waited for the hub's lock was requeued
 * behind every stream writer the previous publish had just woken (the virtual-thread scheduler is
 * first in, first out), so publishes ran one per round of writers: with 10k streams, ~10 a second
 * on this box however fast they came, and each writer found one event to write. Here they run
 * back to back, and writers that fall behind take several events per write.
 */
final class PublishThread implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("herald-publish").daemon().factory());

    /**
     * {@link Hub#publish} on the publish thread; waits for it and returns the id, or throws what
     * it threw.
     */
    String publish(Hub hub, List<String> topics, SseEvent.Message message) {
        Future<String> id;
        try {
            id = thread.submit(() -> hub.publish(topics, message));
        } catch (RejectedExecutionException e) {
            throw new HubClosedException();
        }
        try {
            return id.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("publish failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a publish", e);
        }
    }

    /** Lets publishes already submitted finish; later ones are refused as after the hub's shutdown. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
