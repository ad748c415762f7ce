package dev.herald.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static Message message(String body) {
        return new Message(1, 1, "ann", body, Instant.EPOCH);
    }

    @Test
    void fencedLinesAreCodeBlocksThatKeepTheirIndentation() {
        assertThat(message("see:\n```java\n  int x;\n\n  x++;\n```\nok").blocks()).containsExactly(
                new Message.Block(false, "see:"),
                new Message.Block(true, "  int x;\n\n  x++;"),
                new Message.Block(false, "ok"));
    }

    @Test
    void proseKeepsItsLineBreaksAndAnUnclosedFenceRunsToTheEnd() {
        assertThat(message("one\r\ntwo\n```\ncode").blocks()).containsExactly(
                new Message.Block(false, "one\ntwo"),
                new Message.Block(true, "code"));
    }
}
