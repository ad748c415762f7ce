package dev.herald.spring;

import dev.herald.hub.Hub;
import org.springframework.context.SmartLifecycle;

/**
 * Shuts the hub down as soon as the application starts stopping, before the web server's graceful
 * shutdown waits for requests to finish: an event stream never finishes by itself, so without
 * this every stopping application with an open page waited out the graceful shutdown's timeout
 * (30 s by default). Each stream gets the hub's final event and ends; its page reconnects later.
 */
final class HubShutdown implements SmartLifecycle {

    private final Hub hub;
    private volatile boolean running;

    HubShutdown(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        hub.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped first: the web server's graceful shutdown (a lower phase) comes after. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
