package dev.herald.bench.load;

import dev.herald.bench.load.Results.Better;
import dev.herald.bench.load.Results.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints the Markdown table of a bench run from the generator's TSV files: one row per scenario
 * and figure, one column per server, each peer's figure followed by Herald's advantage over it
 * (×2.0: Herald is twice as good on that figure; ×0.5: half as good); then Herald's targets. A
 * server that took less than 98 % of the asked publish rate has its figures of that scenario marked
 * {@code invalid:} and left out of ratios and targets: they are not its figures at the asked load.
 *
 * <pre>java -cp ... dev.herald.bench.load.Report results/herald.tsv results/nchan.tsv ...</pre>
 */
public final class Report {

    private static final String HERALD = "herald";
    private static final String HERALD_APP = "herald-app";
    /** Figures that depend on the load the server took: not the server's at the asked load when it took less. */
    private static final Set<String> UNDER_LOAD = Set.of("deliveries/s", "delivered", "p50", "p90", "p99", "p99.90", "max",
            "server cpu", "server rss");

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (!line.isBlank()) {
                    figures.add(Figure.parse(line));
                }
            }
        }
        System.out.print(table(figures));
        System.out.print(targets(figures));
    }

    static String table(List<Figure> figures) {
        // Herald's columns first, then the peers in the order of the files.
        Set<String> targets = new LinkedHashSet<>();
        figures.stream().map(Figure::target).filter(t -> t.equals(HERALD)).forEach(targets::add);
        figures.stream().map(Figure::target).filter(t -> t.startsWith(HERALD)).forEach(targets::add);
        Map<String, Map<String, Figure>> rows = new LinkedHashMap<>(); // "scenario|metric" -> target -> figure
        for (Figure f : figures) {
            targets.add(f.target());
            rows.computeIfAbsent(f.scenario() + "|" + f.metric(), k -> new LinkedHashMap<>()).put(f.target(), f);
        }
        StringBuilder out = new StringBuilder("| scenario | figure | unit |");
        targets.forEach(t -> out.append(' ').append(t).append(" |"));
        out.append("\n|---|---|---|").append("---:|".repeat(targets.size())).append('\n');
        for (Map.Entry<String, Map<String, Figure>> row : rows.entrySet()) {
            Figure any = row.getValue().values().iterator().next();
            boolean note = isNote(any);
            out.append("| ").append(any.scenario()).append(" | ").append(any.metric()).append(" | ").append(note ? "" : any.unit()).append(" |");
            Figure herald = row.getValue().get(HERALD);
            for (String target : targets) {
                Figure f = row.getValue().get(target);
                out.append(' ').append(cell(f, note, invalid(figures, target, any.scenario())));
                if (f != null && herald != null && !target.startsWith(HERALD) && !note
                        && !invalid(figures, target, any.scenario()) && !invalid(figures, HERALD, any.scenario())) {
                    out.append(advantage(herald, f));
                }
                out.append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A figure as a cell: a note's reason, or the value, marked when the server did not take the asked load. */
    private static String cell(Figure f, boolean note, boolean invalid) {
        if (f == null) {
            return "–";
        }
        if (note) {
            return f.unit();
        }
        return (invalid && UNDER_LOAD.contains(f.metric()) ? "invalid: " : "") + Figure.format(f.value());
    }

    /** True if and only if {@code target} did not take the asked publish rate in {@code scenario}. */
    private static boolean invalid(List<Figure> figures, String target, String scenario) {
        return figures.stream().anyMatch(f -> f.target().equals(target) && f.scenario().equals(scenario)
                && f.metric().equals(Results.INVALID));
    }

    private static boolean isNote(Figure f) {
        return f.metric().equals(Results.MISSED) || f.metric().equals(Results.INVALID);
    }

    private static String advantage(Figure herald, Figure peer) {
        double h = herald.value();
        double p = peer.value();
        if (herald.better() == Better.NEITHER || Double.isNaN(h) || Double.isNaN(p) || h <= 0 || p <= 0) {
            return "";
        }
        double ratio = herald.better() == Better.HIGHER ? h / p : p / h;
        return String.format(Locale.ROOT, " (×%.2f)", ratio);
    }

    /** Each Herald column's targets: met or missed, and by how much. */
    static String targets(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        for (String server : List.of(HERALD, HERALD_APP)) {
            if (figures.stream().noneMatch(f -> f.target().equals(server))) {
                continue;
            }
            out.append("\nTargets of ").append(server).append(" (issue 10) on this box:\n\n");
            for (Target target : Target.HERALD) {
                double value = value(figures, server, target.scenario(), target.metric());
                double peer = target.peer() == null ? Double.NaN : value(figures, target.peer(), target.scenario(), target.metric());
                out.append("- ").append(target.describe()).append(": ").append(target.verdict(value, peer)).append('\n');
            }
        }
        return out.toString();
    }

    /** A server's figure, NaN when it was not measured or the server did not take the asked load. */
    private static double value(List<Figure> figures, String target, String scenario, String metric) {
        if (invalid(figures, target, scenario)) {
            return Double.NaN;
        }
        return figures.stream().filter(f -> f.target().equals(target) && f.scenario().equals(scenario) && f.metric().equals(metric))
                .mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
    }
}
