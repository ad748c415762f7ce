package dev.herald.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what a server process costs from outside it: CPU time and resident memory of the process
 * and its children (nginx's workers), from {@code /proc} — of each process, for a server of several
 * (nodes and their Redis); and, for one JVM, the heap in use after a full GC, through {@code jcmd}.
 * A server run in-process (the smoke test) has no probe.
 */
final class ServerProbe {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final List<Long> pids;
    private final boolean jvm;

    /** @param jvm true when the server is one JVM, the only process of {@code pids} */
    ServerProbe(List<Long> pids, boolean jvm) {
        if (jvm && pids.size() != 1) {
            throw new IllegalArgumentException("a JVM server is one process, found the pids " + pids);
        }
        this.pids = List.copyOf(pids);
        this.jvm = jvm;
    }

    /** User plus system CPU time of the process tree so far. */
    Duration cpu() {
        return tree().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    /** Resident set of the process tree, in bytes. */
    long rssBytes() {
        return tree().mapToLong(p -> vmRssKiB(p.pid()) * 1024).sum();
    }

    /** Heap in use after a full GC, in bytes; empty when the server is not a JVM or jcmd failed. */
    OptionalLong heapAfterFullGc() {
        if (!jvm) {
            return OptionalLong.empty();
        }
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? OptionalLong.of(Long.parseLong(used.group(1)) * 1024) : OptionalLong.empty();
    }

    private Stream<ProcessHandle> tree() {
        return pids.stream().flatMap(pid -> ProcessHandle.of(pid).stream()).flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
    }

    private static long vmRssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // the process ended between listing and reading: it holds no memory
        }
        return 0;
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pids.getFirst()), command))
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
