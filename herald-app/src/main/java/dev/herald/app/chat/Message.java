package dev.herald.app.chat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A stored chat message. */
public record Message(long id, long roomId, String author, String body, Instant createdAt) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final String FENCE = "```";

    /** A run of the body: prose, or the content of a fenced code block. */
    public record Block(boolean code, String text) {
    }

    /** The stable id of this message's element in a page. */
    public String domId() {
        return "message-" + id;
    }

    /** The time as a person reads it in a chat. */
    public String createdAtText() {
        return SHOWN.format(createdAt);
    }

    /**
     * The body as prose and code blocks: a line starting with {@code ```} opens or closes a block
     * (the rest of an opening line, a language name, is dropped); an unclosed block runs to the end.
     * Line breaks inside each block are kept.
     */
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean code = false;
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.startsWith(FENCE)) {
                add(blocks, code, run);
                code = !code;
                continue;
            }
            run.append(line).append('\n');
        }
        add(blocks, code, run);
        return blocks;
    }

    private static void add(List<Block> blocks, boolean code, StringBuilder run) {
        String text = run.isEmpty() ? "" : run.substring(0, run.length() - 1);
        run.setLength(0);
        if (!text.isBlank()) {
            blocks.add(new Block(code, code ? text : text.strip()));
        }
    }
}
