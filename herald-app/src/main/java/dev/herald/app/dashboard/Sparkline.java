package dev.herald.app.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * The {@code points} of an SVG polyline drawing {@code values} left to right in a
 * {@value #WIDTH}×{@value #HEIGHT} box, scaled from 0 to the largest value (a flat line at the
 * bottom when all are 0). Numbers only: the markup around them is the template's.
 */
final class Sparkline {

    static final int WIDTH = 300;
    static final int HEIGHT = 48;

    private Sparkline() {
    }

    /** @param slots how many values a full line holds: fewer values are drawn at the right end */
    static String points(List<Double> values, int slots) {
        double max = values.stream().mapToDouble(v -> Double.isFinite(v) ? v : 0).max().orElse(0);
        double step = slots > 1 ? (double) WIDTH / (slots - 1) : WIDTH;
        int offset = slots - values.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double v = Double.isFinite(values.get(i)) ? values.get(i) : 0;
            double y = HEIGHT - 1 - (max > 0 ? v / max * (HEIGHT - 2) : 0);
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", (offset + i) * step, y));
        }
        return points.toString();
    }
}
