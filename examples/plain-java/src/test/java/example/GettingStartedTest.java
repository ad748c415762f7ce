package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md builds this example: each file the guide shows (a paragraph starting with
 * the file's path in backticks, then its block) is this example's file as it is, and the guide
 * shows every file of the example but the ones that check the docs. So the build and the browser
 * test of this example are those of the guide.
 */
class GettingStartedTest {

    static final Path GUIDE = Path.of("../../docs/getting-started.md");
    /** Files of the example that are not the user's app: the checks of the README and of the guide. */
    static final Set<String> NOT_IN_THE_GUIDE = Set.of("README.md", "src/test/java/example/CodeBlock.java",
            "src/test/java/example/GettingStartedTest.java", "src/test/java/example/ReadmeSampleTest.java");
    static final Pattern FILE = Pattern.compile("^`([\\w./-]+)`");

    @Test
    void everyFileTheGuideShowsIsThisExamplesFileAsItIs() throws IOException {
        for (Map.Entry<String, CodeBlock> shown : filesShown().entrySet()) {
            Path file = Path.of(shown.getKey());
            assertThat(file).as("docs/getting-started.md line %d shows %s", shown.getValue().firstLine(), file).exists();
            assertThat(shown.getValue().text())
                    .as("docs/getting-started.md line %d: %s as the example has it", shown.getValue().firstLine(), file)
                    .isEqualTo(Files.readString(file));
        }
    }

    @Test
    void theGuideShowsEveryFileOfTheApp() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Stream.concat(Stream.of(Path.of("pom.xml"), Path.of("README.md")), Files.walk(Path.of("src")))) {
            walk.filter(Files::isRegularFile).map(path -> path.toString().replace('\\', '/')).forEach(files::add);
        }
        files.removeAll(NOT_IN_THE_GUIDE);

        assertThat(filesShown().keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    private static Map<String, CodeBlock> filesShown() throws IOException {
        Map<String, CodeBlock> shown = new LinkedHashMap<>();
        List<CodeBlock> blocks = CodeBlock.all(GUIDE, null);
        for (CodeBlock block : blocks) {
            Matcher file = FILE.matcher(block.before());
            if (file.find() && !block.language().equals("sh")) {
                shown.put(file.group(1), block);
            }
        }
        return shown;
    }
}
