package dev.tessera.render;

import dev.tessera.engine.train.StepLoss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The losses of a unified training against step: total loss, text NLL and image NLL as lines
 * in the colours of their modality, as inline SVG. A long run is thinned before drawing to at
 * most {@link #MAX_POINTS} points a line, each the mean of equal runs of steps (the chart says
 * so), which keeps a live chart fast and smooths the step-to-step noise.
 */
final class LossChart {

    static final int MAX_POINTS = 500;
    static final List<String> SERIES = List.of("loss", "text NLL", "image NLL");
    static final List<String> COLOURS = List.of(Palette.TOTAL, Palette.TEXT, Palette.IMAGE);

    private LossChart() {
    }

    /**
     * {@code history} in consecutive runs of {@code ceil(n / max)} steps, each replaced by one
     * point at its last step holding the mean of its finite values (NaN if it has none);
     * unchanged when it has at most {@code max} steps.
     */
    static List<StepLoss> thin(List<StepLoss> history, int max) {
        int n = history.size();
        if (n <= max) {
            return history;
        }
        int run = (n + max - 1) / max;
        List<StepLoss> out = new ArrayList<>((n + run - 1) / run);
        for (int from = 0; from < n; from += run) {
            List<StepLoss> part = history.subList(from, Math.min(n, from + run));
            double[] sum = new double[3];
            int[] count = new int[3];
            for (StepLoss s : part) {
                add(sum, count, 0, s.loss());
                add(sum, count, 1, s.textNll());
                add(sum, count, 2, s.imageNll());
            }
            out.add(new StepLoss(part.get(part.size() - 1).step(), mean(sum, count, 0), mean(sum, count, 1),
                    mean(sum, count, 2)));
        }
        return out;
    }

    /** Steps averaged into each point when {@code steps} steps are drawn. */
    static int run(int steps) {
        return steps <= MAX_POINTS ? 1 : (steps + MAX_POINTS - 1) / MAX_POINTS;
    }

    /** The chart of {@code history} (at least one step). */
    static String svg(List<StepLoss> history) {
        List<StepLoss> points = thin(history, MAX_POINTS);
        List<Integer> step = new ArrayList<>(3 * points.size());
        List<Double> value = new ArrayList<>(3 * points.size());
        List<String> series = new ArrayList<>(3 * points.size());
        for (int k = 0; k < SERIES.size(); k++) {
            for (StepLoss p : points) {
                double v = k == 0 ? p.loss() : k == 1 ? p.textNll() : p.imageNll();
                step.add(p.step());
                value.add(Double.isFinite(v) ? v : null);
                series.add(SERIES.get(k));
            }
        }
        int run = run(history.size());
        return Chart.of(Map.of("step", step, "value", value, "series", series))
                .map("x", "step").map("y", "value").map("color", "series")
                .layer(points.size() == 1 ? "point" : "line", Map.of("size", points.size() == 1 ? 3 : 1))
                .scale("color", Map.of("name", "", "limits", SERIES, "values", COLOURS))
                .axisTitles("step", "NLL (nats per id)")
                .title("losses by step", run == 1 ? "every step" : "each point: the mean of " + run + " steps")
                .theme(Map.of("legend_position", "top"))
                .size(640, 300)
                .svg();
    }

    private static void add(double[] sum, int[] count, int k, double v) {
        if (Double.isFinite(v)) {
            sum[k] += v;
            count[k]++;
        }
    }

    private static double mean(double[] sum, int[] count, int k) {
        return count[k] == 0 ? Double.NaN : sum[k] / count[k];
    }
}
