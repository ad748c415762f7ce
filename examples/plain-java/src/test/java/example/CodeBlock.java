package example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fenced code block of a Markdown file: its language, the line its text starts on (1-based), the
 * line just before the fence (where a page names the file the block is), and its text.
 */
record CodeBlock(String language, int firstLine, String before, String text) {

    /** The blocks of {@code markdown} fenced with {@code ```language}, in order. */
    static List<CodeBlock> all(Path markdown, String language) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<CodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```") || lines.get(i).equals("```")) {
                continue;
            }
            String fence = lines.get(i).substring(3).strip();
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i = start; i < lines.size() && !lines.get(i).equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            if (fence.equals(language)) {
                blocks.add(new CodeBlock(fence, start + 1, start >= 2 ? lines.get(start - 2) : "", text.toString()));
            }
        }
        return blocks;
    }
}
