package dev.herald.stream;

import dev.herald.hub.HubEvent;
import dev.herald.hub.Replay;
import dev.herald.hub.Subscriber;
import dev.herald.sse.SseEvent;
import java.util.function.Consumer;

/** A subscriber passing everything to {@code outbox}, and the replay to {@code replayed} first (see {@link EventStream#subscribe}). */
record ReplayTap(Subscriber outbox, Consumer<Replay> replayed) implements Subscriber {

    @Override
    public void onReplay(Replay replay) {
        replayed.accept(replay);
        outbox.onReplay(replay);
    }

    @Override
    public void onEvent(HubEvent event) {
        outbox.onEvent(event);
    }

    @Override
    public void onGap(Replay.Gap gap) {
        outbox.onGap(gap);
    }

    @Override
    public void onShutdown(SseEvent.Message finalEvent) {
        outbox.onShutdown(finalEvent);
    }
}
