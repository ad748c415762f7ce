package dev.herald.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The runnable jar, started with {@code java -jar} as an operator does. */
class LauncherIT {

    static final Path JAR = Path.of("target", "herald-app.jar");
    /** The machine's default java, which may be older than 21 (Java 17 on Debian 12). */
    static final Path DEFAULT_JAVA = Path.of("/usr/bin/java");

    @Test
    void onAJavaOlderThan21TheJarSaysSoInOneLine() throws Exception {
        assumeTrue(Files.isExecutable(DEFAULT_JAVA), DEFAULT_JAVA + " is missing");
        int feature = featureOf(DEFAULT_JAVA);
        assumeTrue(feature < 21, DEFAULT_JAVA + " is Java " + feature + ", not older than 21");

        Run run = run(DEFAULT_JAVA, "--help");

        assertThat(run.output()).isEqualTo("Herald needs Java 21 or newer; this is Java " + feature + "\n");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void onThisJavaTheJarRunsTheApp() throws Exception {
        Run run = run(Path.of(System.getProperty("java.home"), "bin", "java"), "--help");

        assertThat(run.output()).contains("Usage: java -jar herald-app.jar");
        assertThat(run.status()).isZero();
    }

    private static Run run(Path java, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", JAR.toString());
        builder.command().addAll(List.of(args));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Run(output, process.exitValue());
    }

    private static int featureOf(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        Matcher version = Pattern.compile("version \"(1\\.)?(\\d+)").matcher(output);
        assertThat(version.find()).as("a version in: " + output).isTrue();
        return Integer.parseInt(version.group(2));
    }

    private record Run(String output, int status) {
    }
}
