package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's sample is code that compiles as shown, and it is this example: every {@code java}
 * block of the README compiles against Herald's modules (a failure names the README's line), and
 * the blocks are this example's files, character for character.
 */
class ReadmeSampleTest {

    static final Path README = Path.of("../../README.md");

    @TempDir
    Path classes;

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws IOException {
        List<CodeBlock> blocks = CodeBlock.all(README, "java");
        assertThat(blocks).as("java blocks in " + README).isNotEmpty();

        for (CodeBlock block : blocks) {
            assertThat(compile(block)).as("README.md, the java block at line " + block.firstLine()).isEmpty();
        }
    }

    @Test
    void theSampleIsThisExamplesAppAndTemplates() throws IOException {
        String readme = Files.readString(README);

        for (String file : List.of("src/main/java/example/App.java", "src/main/jte/page.jte", "src/main/jte/item.jte")) {
            assertThat(readme.contains("\n" + Files.readString(Path.of(file)) + "```\n"))
                    .as("README.md shows " + file + " as it is, in a block of its own").isTrue();
        }
    }

    /** Compiles {@code block} as a source file; the errors, each as "README.md:line: message". */
    private List<String> compile(CodeBlock block) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source = new SimpleJavaFileObject(java.net.URI.create("string:///" + className(block.text()) + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return block.text();
            }
        };
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "21", "-proc:none", "-d", classes.toString(), "-classpath", classPath);
            javac.getTask(new StringWriter(), files, diagnostics, options, null, List.of(source)).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("README.md:" + (block.firstLine() + diagnostic.getLineNumber() - 1) + ": "
                        + diagnostic.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    /** The public class a block declares (its file must be named for it), or {@code Sample}. */
    private static String className(String text) {
        var matcher = java.util.regex.Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)").matcher(text);
        return matcher.find() ? matcher.group(1) : "Sample";
    }
}
