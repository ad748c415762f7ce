package dev.herald.bench.load;

import dev.herald.bench.server.BenchHub;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The load generator's command line: runs scenarios against one server already listening on
 * loopback and appends the figures to a TSV file. run.sh starts each server and calls this once
 * per server; {@link Report} then prints the table.
 *
 * <pre>
 * java -cp ... dev.herald.bench.load.LoadGenerator --target herald --port 8081 \
 *     --subscribe '/.well-known/mercure?topic=bench' --publish /.well-known/mercure --format mercure \
 *     --pid 1234 --jvm true --scenarios all --out results/herald.tsv
 * </pre>
 *
 * <p>A server of several nodes: {@code --nodes 8091,8092,8093} spreads the subscribers over those
 * ports in turn (publishes still go to {@code --port}); {@code --kill-pid} is the first node's
 * process, which {@code failover-10k-10} kills (SIGKILL); {@code --pid} then lists every process
 * of the server, comma-separated.
 *
 * <p>Before the scenarios, {@code --warm-up N} (default 20000; 0: none) publishes go to 100
 * subscribers at 2,000/s, not counted (see {@link ScenarioRunner#warmUp}).
 *
 * <p>{@code --publishers N} (default 4) is how many keep-alive connections publishes are pipelined
 * on; {@code --publishers 1 --reactors 1} makes the generator act as sseload does (one publishing
 * connection, one epoll thread reading every stream in 64 KiB reads).
 */
public final class LoadGenerator {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("host", "127.0.0.1"),
            Map.entry("topic", "bench"),
            Map.entry("format", "raw"),
            Map.entry("key", BenchHub.DEFAULT_KEY),
            Map.entry("pid", "0"),
            Map.entry("nodes", ""),
            Map.entry("kill-pid", "0"),
            Map.entry("jvm", "false"),
            Map.entry("scenarios", "all"),
            Map.entry("seconds", "15"),
            Map.entry("idle-seconds", "35"),
            Map.entry("reactors", "2"),
            Map.entry("sources", "40"),
            Map.entry("max-connecting", "1000"),
            Map.entry("payload", "100"),
            Map.entry("publishers", "4"),
            Map.entry("warm-up", "20000"),
            Map.entry("out", ""));
    private static final Set<String> REQUIRED = Set.of("target", "port", "subscribe", "publish");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        InetSocketAddress server = new InetSocketAddress(options.get("host"), Integer.parseInt(options.get("port")));
        List<InetSocketAddress> nodes = options.get("nodes").isEmpty() ? List.of(server)
                : Arrays.stream(options.get("nodes").split(",")).map(port -> new InetSocketAddress(options.get("host"), Integer.parseInt(port))).toList();
        List<Long> pids = Arrays.stream(options.get("pid").split(",")).map(Long::parseLong).filter(pid -> pid > 0).toList();
        long killPid = Long.parseLong(options.get("kill-pid"));
        Results results = new Results(options.get("target"), options.get("out").isEmpty() ? null : Path.of(options.get("out")));
        ScenarioRunner.Setup setup = new ScenarioRunner.Setup(nodes, options.get("subscribe"),
                Integer.parseInt(options.get("reactors")), Integer.parseInt(options.get("sources")),
                Integer.parseInt(options.get("max-connecting")));
        List<Scenario> scenarios = Scenario.select(options.get("scenarios"),
                Integer.parseInt(options.get("seconds")), Integer.parseInt(options.get("idle-seconds")));
        try (Publisher publisher = new Publisher(server, options.get("publish"), Publisher.Format.valueOf(options.get("format").toUpperCase()),
                options.get("topic"), options.get("key"), Integer.parseInt(options.get("payload")), Integer.parseInt(options.get("publishers")))) {
            ScenarioRunner runner = new ScenarioRunner(setup, publisher,
                    pids.isEmpty() ? null : new ServerProbe(pids, Boolean.parseBoolean(options.get("jvm"))), results,
                    killPid > 0 ? () -> ProcessHandle.of(killPid).ifPresent(ProcessHandle::destroyForcibly) : null);
            runner.warmUp(Integer.parseInt(options.get("warm-up")));
            for (Scenario scenario : scenarios) {
                runner.run(scenario);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!DEFAULTS.containsKey(name) && !REQUIRED.contains(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --<option> <value>, found \"" + args[i]
                        + "\"; options: " + REQUIRED + " (required) and " + DEFAULTS.keySet());
            }
            options.put(name, args[i + 1]);
        }
        for (String name : REQUIRED) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
        }
        return options;
    }
}
