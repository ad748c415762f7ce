package dev.herald.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCheckTest {

    @TempDir
    Path dir;

    @Test
    void listsPublicTypesAndTheirPublicAndProtectedMembersWithGenericTypes() throws IOException {
        List<String> api = signatures(Map.of(
                "lib/Shape.java", """
                        package lib;
                        public sealed interface Shape permits Shape.Circle, Shape.Square {
                            double area();
                            default String name() { return "shape"; }
                            static Shape unit() { return new Circle(1); }
                            record Circle(double radius) implements Shape {
                                public double area() { return Math.PI * radius * radius; }
                            }
                            final class Square implements Shape {
                                Square() { }
                                public double area() { return 1; }
                            }
                        }
                        """,
                "lib/Box.java", """
                        package lib;
                        import java.util.List;
                        public abstract class Box<T extends Comparable<T>> {
                            public static final int LIMIT = 10;
                            protected Box() { }
                            public abstract <R> List<R> map(java.util.function.Function<? super T, R> f) throws java.io.IOException;
                            @SafeVarargs public final void put(T... items) { }
                            void packagePrivate() { }
                            private int hidden;
                        }
                        """,
                "lib/Helper.java", """
                        package lib;
                        class Helper { public void notApi() { } }
                        """));

        assertThat(api).containsExactly(
                "public abstract class lib.Box<T extends java.lang.Comparable<T>>",
                "  protected new()",
                "  public abstract <R> java.util.List<R> map(java.util.function.Function<? super T, R>) throws java.io.IOException",
                "  public final void put(T...)",
                "  public static final int LIMIT",
                "public sealed interface lib.Shape permits lib.Shape$Circle, lib.Shape$Square",
                "  public default java.lang.String name()",
                "  public double area()",
                "  public static lib.Shape unit()",
                "public static record lib.Shape$Circle implements lib.Shape",
                "  public double area()",
                "  public double radius()",
                "  public final boolean equals(java.lang.Object)",
                "  public final int hashCode()",
                "  public final java.lang.String toString()",
                "  public new(double)",
                "public static final class lib.Shape$Square implements lib.Shape",
                "  public double area()");
    }

    @Test
    void leavesOutInternalPackagesAndCountsWhatAPublicTypeInheritsFromAHiddenSuperclass() throws IOException {
        List<String> api = signatures(Map.of(
                "lib/internal/Engine.java", """
                        package lib.internal;
                        public final class Engine { public void run() { } }
                        """,
                "lib/Base.java", """
                        package lib;
                        abstract class Base { public void inherited() { } protected void hook() { } }
                        """,
                "lib/Widget.java", """
                        package lib;
                        public final class Widget extends Base { private Widget() { } }
                        """));

        assertThat(api).containsExactly(
                "public final class lib.Widget extends lib.Base",
                "  public void inherited()  (from lib.Base)");
    }

    @Test
    void aModuleDescriptorNarrowsTheApiToTheExportedPackages() throws IOException {
        List<String> api = signatures(Map.of(
                "module-info.java", "module lib { exports lib.api; }",
                "lib/api/Door.java", "package lib.api; public interface Door { void open(); }",
                "lib/impl/RealDoor.java", "package lib.impl; public class RealDoor implements lib.api.Door { public void open() { } }"));

        assertThat(api).containsExactly("public interface lib.api.Door", "  public void open()");
    }

    @Test
    void aChangeFailsTheCheckNamingWhatWasAddedAndRemovedAndTheCommandThatAcceptsIt() throws IOException {
        Path apiFile = dir.resolve("api.txt");
        ApiCheck.accept(apiFile, "herald-x", List.of("public interface x.Door", "  public void open()"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean same = ApiCheck.check(apiFile, "herald-x", List.of("public interface x.Door", "  public void close()"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(same).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "The public API of herald-x changed (1 removed, 1 added",
                "-  public void open()",
                "+  public void close()",
                "./mvnw -B -q -pl herald-x -am -Paccept-api verify -DskipTests");
    }

    @Test
    void theAcceptedFileStartsWithHowToAcceptAndPassesTheCheckItWasWrittenFor() throws IOException {
        Path apiFile = dir.resolve("api.txt");
        List<String> api = List.of("public interface x.Door", "  public void open()");
        ApiCheck.accept(apiFile, "herald-x", api);

        assertThat(Files.readAllLines(apiFile).get(2)).isEqualTo("#   " + ApiCheck.acceptCommand("herald-x"));
        assertThat(ApiCheck.check(apiFile, "herald-x", api, new PrintStream(new ByteArrayOutputStream()))).isTrue();
    }

    @Test
    void aMissingFileFailsTheCheckWithTheAcceptCommand() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        boolean same = ApiCheck.check(dir.resolve("api.txt"), "herald-x", List.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(same).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("has no accepted API file", ApiCheck.acceptCommand("herald-x"));
    }

    /** Compiles {@code sources} (path → text) into a class directory and lists its API. */
    private List<String> signatures(Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit status").isZero();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            return ApiCheck.signatures(classes, loader);
        }
    }
}
