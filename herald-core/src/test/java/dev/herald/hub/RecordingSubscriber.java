package dev.herald.hub;

import dev.herald.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;

/** Records what the hub hands a subscriber; single-threaded tests only. */
final class RecordingSubscriber implements Subscriber {
    Replay replay;
    final List<HubEvent> live = new ArrayList<>();
    SseEvent.Message finalEvent;

    @Override
    public void onReplay(Replay replay) {
        this.replay = replay;
    }

    @Override
    public void onEvent(HubEvent event) {
        live.add(event);
    }

    @Override
    public void onShutdown(SseEvent.Message finalEvent) {
        this.finalEvent = finalEvent;
    }

    List<String> replayedData() {
        return replay.events().stream().map(e -> e.message().data()).toList();
    }

    List<String> liveData() {
        return live.stream().map(e -> e.message().data()).toList();
    }
}
