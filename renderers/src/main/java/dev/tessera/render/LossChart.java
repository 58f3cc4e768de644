package dev.tessera.render;

import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingBoard.StageMark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The losses of a unified training against step, as inline SVG: total loss, text NLL and image
 * NLL as solid lines in the colours of their modality, and each task's target NLL as a dashed
 * line ("task: caption", ...) in a colour of its own. A curriculum's stage boundaries are dotted
 * rules named after the stage that starts there. When the model's vocabulary size V is known, a
 * dotted horizontal rule marks ln V, the NLL of a guess spread evenly over the vocabulary: where
 * a fresh model's curves start and what a learning one falls below. It is drawn only when some
 * curve reaches it, so a run that starts from trained weights, far below it, keeps its scale. A long run is thinned before drawing to at most
 * {@link #MAX_POINTS} points a line, each the mean of equal runs of steps (the chart says so),
 * which keeps a live chart fast and smooths the step-to-step noise.
 */
final class LossChart {

    static final int MAX_POINTS = 500;
    static final List<String> SERIES = List.of("loss", "text NLL", "image NLL");
    static final List<String> COLOURS = List.of(Palette.TOTAL, Palette.TEXT, Palette.IMAGE);
    /** Colour of the stage rules and their names. */
    static final String RULE = "#6e6e6e";

    private LossChart() {
    }

    /**
     * {@code history} in consecutive runs of {@code ceil(n / max)} steps, each replaced by one
     * point at its last step holding the mean of its finite values (NaN if it has none), per task
     * too (a task absent from a step does not count; absent from the point if absent from every
     * step of its run); unchanged when it has at most {@code max} steps.
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
            Mean loss = new Mean();
            Mean text = new Mean();
            Mean image = new Mean();
            Map<String, Mean> tasks = new LinkedHashMap<>();
            for (StepLoss s : part) {
                loss.add(s.loss());
                text.add(s.textNll());
                image.add(s.imageNll());
                s.tasks().forEach((task, v) -> tasks.computeIfAbsent(task, t -> new Mean()).add(v == null ? Double.NaN : v));
            }
            Map<String, Double> taskMeans = new LinkedHashMap<>();
            tasks.forEach((task, m) -> taskMeans.put(task, m.value()));
            out.add(new StepLoss(part.get(part.size() - 1).step(), loss.value(), text.value(), image.value(), taskMeans));
        }
        return out;
    }

    /** Steps averaged into each point when {@code steps} steps are drawn. */
    static int run(int steps) {
        return steps <= MAX_POINTS ? 1 : (steps + MAX_POINTS - 1) / MAX_POINTS;
    }

    /** The tasks of {@code history}, in the order they first appear: the order of their lines and colours. */
    static List<String> tasks(List<StepLoss> history) {
        Set<String> names = new LinkedHashSet<>();
        history.forEach(s -> names.addAll(s.tasks().keySet()));
        return List.copyOf(names);
    }

    /** The series name of task {@code task}'s line. */
    static String taskSeries(String task) {
        return "task: " + task;
    }

    /** The chart of a single run's {@code history} (at least one step). */
    static String svg(List<StepLoss> history) {
        return svg(history, List.of());
    }

    /** The chart of {@code history} (at least one step) with a rule at each boundary of {@code stages} it has passed. */
    static String svg(List<StepLoss> history, List<StageMark> stages) {
        return chart(history, stages, 0).svg();
    }

    /** As {@link #svg(List, List)}, with the uniform-guess rule of a {@code vocabularySize}-id model (0: none). */
    static String svg(List<StepLoss> history, List<StageMark> stages, int vocabularySize) {
        return chart(history, stages, vocabularySize).svg();
    }

    /** The chart {@link #svg(List, List, int)} draws, before export. */
    static Chart chart(List<StepLoss> history, List<StageMark> stages) {
        return chart(history, stages, 0);
    }

    /** The label of the uniform-guess rule of a {@code vocabularySize}-id model. */
    static String uniformLabel(int vocabularySize) {
        return Format.of("uniform guess: ln %d = %.1f nats", vocabularySize, Math.log(vocabularySize));
    }

    /** The chart {@link #svg(List, List, int)} draws, before export. */
    static Chart chart(List<StepLoss> history, List<StageMark> stages, int vocabularySize) {
        List<StepLoss> points = thin(history, MAX_POINTS);
        List<String> tasks = tasks(history);
        List<String> names = new ArrayList<>(SERIES);
        List<String> colours = new ArrayList<>(COLOURS);
        List<String> lineTypes = new ArrayList<>(List.of("solid", "solid", "solid"));
        for (int k = 0; k < tasks.size(); k++) {
            names.add(taskSeries(tasks.get(k)));
            colours.add(Palette.series(k));
            lineTypes.add("dashed");
        }
        List<Integer> step = new ArrayList<>(names.size() * points.size());
        List<Double> value = new ArrayList<>(names.size() * points.size());
        List<String> series = new ArrayList<>(names.size() * points.size());
        // a missing value (a batch without that kind of target) ends a line's segment: the line shows a gap there
        List<Integer> segment = new ArrayList<>(names.size() * points.size());
        int seg = 0;
        double top = 0;
        for (int k = 0; k < names.size(); k++) {
            seg++;
            for (StepLoss p : points) {
                double v = k == 0 ? p.loss() : k == 1 ? p.textNll() : k == 2 ? p.imageNll()
                        : p.tasks().getOrDefault(tasks.get(k - SERIES.size()), Double.NaN);
                step.add(p.step());
                value.add(Double.isFinite(v) ? v : null);
                series.add(names.get(k));
                if (!Double.isFinite(v)) {
                    seg++;
                }
                segment.add(seg);
                top = Double.isFinite(v) ? Math.max(top, v) : top;
            }
        }
        int last = points.get(points.size() - 1).step();
        List<Integer> boundaries = new ArrayList<>();
        List<String> stageNames = new ArrayList<>();
        for (StageMark s : stages) {
            if (s.offset() > 0 && s.offset() < last) {
                boundaries.add(s.offset());
                stageNames.add(s.name());
            }
        }
        int run = run(history.size());
        Chart chart = Chart.of(Map.of("step", step, "value", value, "series", series, "segment", segment))
                .map("x", "step").map("y", "value").map("color", "series").map("linetype", "series")
                .layer(points.size() == 1 ? "point" : "line", Map.of("size", points.size() == 1 ? 3 : 1,
                        "mapping", Map.of("group", "segment")))
                .verticalRules(boundaries, stageNames, top, RULE)
                // the same name and limits on both scales: one legend whose keys show colour and dashes
                .scale("color", Map.of("name", "", "limits", names, "values", colours))
                .scale("linetype", Map.of("name", "", "limits", names, "values", lineTypes))
                .axisTitles("step", "NLL (nats per id)")
                .title("losses by step", run == 1 ? "every step" : "each point: the mean of " + run + " steps")
                .theme(Map.of("legend_position", "top"))
                .size(640, 300);
        boolean reached = vocabularySize > 0 && top >= Math.log(vocabularySize);
        return reached ? chart.horizontalRule(Math.log(vocabularySize), uniformLabel(vocabularySize), last, RULE) : chart;
    }

    /** The mean of the finite values added; NaN before the first. */
    private static final class Mean {
        private double sum;
        private int count;

        void add(double v) {
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }

        double value() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
