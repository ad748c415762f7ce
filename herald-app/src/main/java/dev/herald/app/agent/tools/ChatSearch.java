package dev.herald.app.agent.tools;

import java.time.Instant;
import java.util.List;

/**
 * Searching chat messages, for the {@code search_chat_messages} tool: implemented by the chat
 * feature. Without one, the agent has no such tool (it never answers with made-up messages).
 */
public interface ChatSearch {

    /** The newest {@code limit} messages containing {@code text} (all when empty), newest first. */
    List<Hit> search(String text, int limit);

    /** A message found. */
    record Hit(String room, String author, String text, Instant sentAt) {
    }
}
