package dev.herald.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one target's run, printed as they come and appended to a TSV file (target,
 * scenario, metric, value, unit, better) that {@link Report} turns into the table.
 */
final class Results {

    /** Which way a figure is better. */
    enum Better { HIGHER, LOWER, NEITHER }

    record Figure(String target, String scenario, String metric, double value, String unit, Better better) {

        String tsv() {
            return String.join("\t", target, scenario, metric, format(value), unit, better.name());
        }

        static Figure parse(String line) {
            String[] f = line.split("\t");
            return new Figure(f[0], f[1], f[2], Double.parseDouble(f[3]), f[4], Better.valueOf(f[5]));
        }

        static String format(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 1 ? "%.2f" : "%.3f", value);
        }
    }

    /** The figure that says a scenario could not run; its unit is the reason. */
    static final String MISSED = "missed";
    /** The figure that says a scenario ran below the asked load; its unit is the reason. */
    static final String INVALID = "invalid";

    private final String target;
    private final Path file; // null: print only
    private final List<Figure> figures = new ArrayList<>();

    Results(String target, Path file) {
        this.target = target;
        this.file = file;
    }

    void add(String scenario, String metric, double value, String unit, Better better) {
        Figure figure = new Figure(target, scenario, metric, value, unit, better);
        figures.add(figure);
        System.out.printf(Locale.ROOT, "%-10s %-15s %-22s %12s %s%n", target, scenario, metric, Figure.format(value), unit);
        if (file != null) {
            try {
                Files.writeString(file, figure.tsv() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Notes a scenario that could not be measured, with the reason, as a figure of NaN. */
    void missed(String scenario, String why) {
        System.out.printf("%-10s %-15s MISSED: %s%n", target, scenario, why);
        add(scenario, MISSED, Double.NaN, why.replace('\t', ' '), Better.NEITHER);
    }

    /**
     * Notes that a scenario ran at a lower load than asked (the server did not take the asked
     * publish rate): its figures are not the server's at that load, and {@link Report} says so.
     */
    void invalid(String scenario, String why) {
        System.out.printf("%-10s %-15s INVALID: %s%n", target, scenario, why);
        add(scenario, INVALID, Double.NaN, why.replace('\t', ' '), Better.NEITHER);
    }

    List<Figure> figures() {
        return figures;
    }

    /** The value of a figure recorded in this run, NaN if none. */
    double get(String scenario, String metric) {
        return figures.stream().filter(f -> f.scenario().equals(scenario) && f.metric().equals(metric))
                .mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
    }
}
