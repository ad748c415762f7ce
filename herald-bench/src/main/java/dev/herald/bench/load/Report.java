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
 * (×2.0: Herald is twice as good on that figure; ×0.5: half as good); then Herald's targets.
 *
 * <pre>java -cp ... dev.herald.bench.load.Report results/herald.tsv results/nchan.tsv ...</pre>
 */
public final class Report {

    private static final String HERALD = "herald";

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
            out.append("| ").append(any.scenario()).append(" | ").append(any.metric()).append(" | ").append(any.unit()).append(" |");
            Figure herald = row.getValue().get(HERALD);
            for (String target : targets) {
                Figure f = row.getValue().get(target);
                out.append(' ').append(f == null ? "–" : Figure.format(f.value()));
                if (f != null && herald != null && !target.startsWith(HERALD)) {
                    out.append(advantage(herald, f));
                }
                out.append(" |");
            }
            out.append('\n');
        }
        return out.toString();
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

    static String targets(List<Figure> figures) {
        StringBuilder out = new StringBuilder("\nHerald's targets on this box:\n\n");
        for (Target target : Target.HERALD) {
            double value = figures.stream()
                    .filter(f -> f.target().startsWith(HERALD) && f.scenario().equals(target.scenario()) && f.metric().equals(target.metric()))
                    .mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
            out.append("- ").append(target.describe()).append(": ").append(target.verdict(value)).append('\n');
        }
        return out.toString();
    }
}
