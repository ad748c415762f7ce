package dev.herald.sse;

import java.util.ArrayList;
import java.util.List;

/** Records what a parser reports, in order: {@link SseParser.Event}s, {@link Comment}s and {@link Retry}s. */
final class RecordingListener implements SseParser.Listener {

    record Comment(String text) {
    }

    record Retry(long millis) {
    }

    final List<Object> seen = new ArrayList<>();

    @Override
    public void onEvent(SseParser.Event event) {
        seen.add(event);
    }

    @Override
    public void onComment(String text) {
        seen.add(new Comment(text));
    }

    @Override
    public void onRetry(long millis) {
        seen.add(new Retry(millis));
    }
}
