package example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fenced code block of a Markdown file: its language, the line its text starts on (1-based), the
 * first line of the paragraph just before the fence (where a page names the file the block is), and
 * its text.
 */
record CodeBlock(String language, int firstLine, String before, String text) {

    /** The blocks of {@code markdown} fenced with {@code ```language} ({@code null}: any), in order. */
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
            if (language == null || fence.equals(language)) {
                blocks.add(new CodeBlock(fence, start + 1, paragraphBefore(lines, start - 1), text.toString()));
            }
        }
        return blocks;
    }

    /** The first line of the paragraph that ends just before line {@code fence} (0-based), or "". */
    private static String paragraphBefore(List<String> lines, int fence) {
        int i = fence - 1;
        while (i >= 0 && lines.get(i).isBlank()) {
            i--;
        }
        while (i > 0 && !lines.get(i - 1).isBlank()) {
            i--;
        }
        return i >= 0 ? lines.get(i) : "";
    }
}
