package dev.herald.app.agent;

import dev.herald.app.agent.loop.Cancellation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a running run holds in memory: the text streamed so far (stored in batches), its tool
 * calls by the provider's id, and its cancellation. Guarded by {@link AgentRunService}'s lock.
 */
final class LiveRun {

    final long id;
    final String topic;
    final Cancellation cancellation = new Cancellation();
    final StringBuilder text = new StringBuilder();
    final Map<String, ToolCallRecord> calls = new HashMap<>();
    /** How much of {@link #text} is in the database. */
    int stored;
    Instant storedAt;

    LiveRun(AgentRun run) {
        this.id = run.id();
        this.topic = run.topic();
        this.storedAt = run.createdAt();
    }

    String unstored() {
        return text.substring(stored);
    }
}
