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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/getting-started.md builds two examples, one a section: each file a section shows (a
 * paragraph starting with the file's path in backticks, then its block) is its example's file as
 * it is, and the section shows every file of its example but the ones that check the docs. So the
 * build and the browser test of each example are those of the guide.
 */
class GettingStartedTest {

    static final Path GUIDE = Path.of("../../docs/getting-started.md");
    static final Pattern FILE = Pattern.compile("^`([\\w./-]+)`");

    /** A section of the guide and the example it builds. */
    enum Section {
        SPRING_BOOT("## 2. A Spring Boot app", Path.of("../spring-boot-getting-started"), Set.of("README.md")),
        PLAIN_JAVA("## 3. A plain Java app with `HeraldServer`", Path.of("."), Set.of("README.md",
                "src/test/java/example/CodeBlock.java", "src/test/java/example/GettingStartedTest.java",
                "src/test/java/example/ReadmeSampleTest.java"));

        final String heading;
        final Path example;
        /** Files of the example that are not the user's app: its README, the checks of the README and of the guide. */
        final Set<String> notInTheGuide;

        Section(String heading, Path example, Set<String> notInTheGuide) {
            this.heading = heading;
            this.example = example;
            this.notInTheGuide = notInTheGuide;
        }
    }

    @ParameterizedTest
    @EnumSource(Section.class)
    void everyFileTheSectionShowsIsItsExamplesFileAsItIs(Section section) throws IOException {
        for (Map.Entry<String, CodeBlock> shown : filesShown(section).entrySet()) {
            Path file = section.example.resolve(shown.getKey());
            assertThat(file).as("docs/getting-started.md line %d shows %s", shown.getValue().firstLine(), file).exists();
            assertThat(shown.getValue().text())
                    .as("docs/getting-started.md line %d: %s as the example has it", shown.getValue().firstLine(), file)
                    .isEqualTo(Files.readString(file));
        }
    }

    @ParameterizedTest
    @EnumSource(Section.class)
    void theSectionShowsEveryFileOfItsApp(Section section) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Stream.concat(Stream.of(Path.of("pom.xml"), Path.of("README.md")),
                Files.walk(section.example.resolve("src")).map(section.example::relativize))) {
            walk.filter(path -> Files.isRegularFile(section.example.resolve(path)))
                    .map(path -> path.toString().replace('\\', '/')).forEach(files::add);
        }
        files.removeAll(section.notInTheGuide);

        assertThat(filesShown(section).keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    /** The files shown between the section's heading and the next heading of its level. */
    private static Map<String, CodeBlock> filesShown(Section section) throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf(section.heading) + 1;
        assertThat(start).as("docs/getting-started.md has the heading " + section.heading).isPositive();
        int end = start;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        Map<String, CodeBlock> shown = new LinkedHashMap<>();
        for (CodeBlock block : CodeBlock.all(GUIDE, null)) {
            Matcher file = FILE.matcher(block.before());
            if (block.firstLine() > start && block.firstLine() <= end && file.find() && !block.language().equals("sh")) {
                shown.put(file.group(1), block);
            }
        }
        return shown;
    }
}
