package dev.herald.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleCheckTest {

    @TempDir
    Path dir;

    @Test
    void aModuleResolvesWithWhatItRequiresFromItsDependencies() throws IOException {
        Path util = jar("util", List.of(), Map.of(
                "module-info.java", "module demo.util { exports demo.util; }",
                "demo/util/Texts.java", "package demo.util; public final class Texts { }"));
        Path lib = jar("lib", List.of(util), Map.of(
                "module-info.java", "module demo.lib { requires transitive demo.util; requires java.net.http; exports demo.lib; }",
                "demo/lib/Greeter.java", "package demo.lib; public final class Greeter { public demo.util.Texts texts() { return null; } }"));

        ModuleCheck.Resolved resolved = ModuleCheck.resolve(lib, List.of(util));

        assertThat(resolved.module()).isEqualTo("demo.lib");
        assertThat(resolved.modules()).as("java.net.http is the JDK's, read from the boot layer")
                .containsExactly("demo.lib", "demo.util");
    }

    @Test
    void aRequiredModuleMissingFromTheDependenciesFailsNamingIt() throws IOException {
        Path util = jar("util", List.of(), Map.of(
                "module-info.java", "module demo.util { exports demo.util; }",
                "demo/util/Texts.java", "package demo.util; public final class Texts { }"));
        Path lib = jar("lib", List.of(util), Map.of(
                "module-info.java", "module demo.lib { requires demo.util; }",
                "demo/lib/Greeter.java", "package demo.lib; public final class Greeter { }"));

        assertThatThrownBy(() -> ModuleCheck.resolve(lib, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo.util")
                .hasMessageContaining("not found");
    }

    @Test
    void aPackageInTwoModulesFailsEvenWhenNeitherExportsIt() throws IOException {
        Path one = jar("one", List.of(), Map.of(
                "module-info.java", "module demo.one { }",
                "demo/shared/Inside.java", "package demo.shared; public final class Inside { }"));
        Path two = jar("two", List.of(), Map.of(
                "module-info.java", "module demo.two { }",
                "demo/shared/Inside.java", "package demo.shared; public final class Inside { }"));
        Path lib = jar("lib", List.of(one, two), Map.of(
                "module-info.java", "module demo.lib { requires demo.one; requires demo.two; }",
                "demo/lib/Greeter.java", "package demo.lib; public final class Greeter { }"));

        assertThatThrownBy(() -> ModuleCheck.resolve(lib, List.of(one, two)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo.shared");
    }

    @Test
    void aJarWithoutModuleInfoIsRefused() throws IOException {
        Path plain = jar("plain", List.of(), Map.of(
                "demo/plain/Thing.java", "package demo.plain; public final class Thing { }"));

        assertThatThrownBy(() -> ModuleCheck.resolve(plain, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no module-info.class");
    }

    @Test
    void aMissingJarIsReportedNotSkipped() {
        assertThatThrownBy(() -> ModuleCheck.resolve(dir.resolve("absent.jar"), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no jar at");
    }

    /** Compiles {@code sources} (path → text) against {@code modulePath} and packs the classes in {@code <name>.jar}. */
    private Path jar(String name, List<Path> modulePath, Map<String, String> sources) throws IOException {
        Path src = dir.resolve(name + "-src");
        Path classes = dir.resolve(name + "-classes");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "21"));
        if (!modulePath.isEmpty()) {
            arguments.add("--module-path");
            arguments.add(String.join(File.pathSeparator, modulePath.stream().map(Path::toString).toList()));
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac of " + name).isZero();
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
