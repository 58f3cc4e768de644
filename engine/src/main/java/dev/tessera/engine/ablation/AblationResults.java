package dev.tessera.engine.ablation;

import dev.tessera.engine.io.AtomicFile;
import dev.tessera.engine.io.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The results of an ablation as they are shipped: every run with its metrics, and how they were
 * made. {@link #summary} gives each arm's mean and spread of a metric, {@link #verdict} whether
 * the best arm is clearly best: every arm has at least two seeds and the best arm's worst run beats
 * every other arm's best run. Runs compare only when trained and measured alike
 * ({@link AblationRun#recipe()}); mixed results are refused, not averaged.
 *
 * @param ablation    the ablation's name
 * @param description what it compares
 * @param provenance  the command, threads, device and budget that made the runs
 * @param runs        every finished run, in the order they finished
 */
public record AblationResults(String ablation, String description, Map<String, Object> provenance,
                              List<AblationRun> runs) {

    public AblationResults {
        provenance = provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /**
     * One arm's values of one metric across its seeds.
     *
     * @param arm    the arm
     * @param values the value of each run, in seed order of finishing
     * @param mean   their mean
     * @param min    the lowest
     * @param max    the highest
     */
    public record ArmSummary(String arm, List<Double> values, double mean, double min, double max) {

        /** The spread across seeds: highest minus lowest. */
        public double spread() {
            return max - min;
        }

        /** The sample standard deviation across seeds (the error bar of one run); NaN with fewer than two. */
        public double standardDeviation() {
            if (values.size() < 2) {
                return Double.NaN;
            }
            double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return Math.sqrt(ss / (values.size() - 1));
        }
    }

    /**
     * Whether an arm is best on a metric.
     *
     * @param metric      the metric
     * @param best        the arm with the best mean
     * @param clear       whether every arm has two seeds or more and the best arm's worst run beats
     *                    every other arm's best run
     * @param runnerUp    the next arm by mean
     * @param margin      how far the best mean is ahead of the runner-up's, in the metric's units
     * @param enoughSeeds whether every arm has at least two runs (with one, no spread is known)
     */
    public record Verdict(String metric, String best, boolean clear, String runnerUp, double margin, boolean enoughSeeds) {
    }

    /** The arms that have runs, in the order they first finished. */
    public List<String> arms() {
        return runs.stream().map(AblationRun::arm).distinct().toList();
    }

    /** The metrics of {@link ArmMetrics#METRICS} at least one run measured (a finite value), in that order. */
    public List<String> measured() {
        return ArmMetrics.METRICS.entrySet().stream().filter(e -> runs.stream()
                .anyMatch(r -> Double.isFinite(e.getValue().read().applyAsDouble(r.metrics())))).map(Map.Entry::getKey).toList();
    }

    /** The results in {@code file}, or {@code empty} when there are none yet (files are replaced atomically, so no lock is needed to read). */
    public static AblationResults readOr(Path file, AblationResults empty) {
        return Files.isRegularFile(file) ? read(file) : empty;
    }

    /** Each arm's values of {@code metric} ({@link ArmMetrics#METRICS}), in {@link #arms()} order. */
    public List<ArmSummary> summary(String metric) {
        ArmMetrics.Metric m = metric(metric);
        List<String> recipes = runs.stream().map(AblationRun::recipe).distinct().toList();
        if (recipes.size() > 1) {
            throw new IllegalStateException("the runs of " + ablation + " were not made alike (" + recipes + "); compare "
                    + "runs of one recipe: keep one results file per budget");
        }
        List<ArmSummary> out = new ArrayList<>();
        for (String arm : arms()) {
            List<Double> v = runs.stream().filter(r -> r.arm().equals(arm)).map(r -> m.read().applyAsDouble(r.metrics()))
                    .toList();
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            out.add(new ArmSummary(arm, v, mean, v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        }
        return out;
    }

    /**
     * One arm's value of a metric after some steps, across its seeds.
     *
     * @param arm    the arm
     * @param step   steps trained
     * @param values each seed's value then
     * @param mean   their mean
     * @param sd     their sample standard deviation (NaN with one seed)
     */
    public record CurvePoint(String arm, int step, List<Double> values, double mean, double sd) {
    }

    /**
     * Each arm's {@code metric} against training steps: the runs' {@link AblationRun#curve} points
     * and their final measurement, ordered by arm then step; empty when no run has a curve. A
     * metric a curve point did not measure (text-to-image) gives that step NaN.
     */
    public List<CurvePoint> curve(String metric) {
        ArmMetrics.Metric m = metric(metric);
        List<CurvePoint> out = new ArrayList<>();
        if (runs.stream().allMatch(r -> r.curve().isEmpty())) {
            return out;
        }
        for (String arm : arms()) {
            java.util.TreeMap<Integer, List<Double>> byStep = new java.util.TreeMap<>();
            for (AblationRun r : runs.stream().filter(x -> x.arm().equals(arm)).toList()) {
                r.curve().forEach(p -> byStep.computeIfAbsent(p.step(), k -> new ArrayList<>())
                        .add(m.read().applyAsDouble(p.metrics())));
                byStep.computeIfAbsent(r.steps(), k -> new ArrayList<>()).add(m.read().applyAsDouble(r.metrics()));
            }
            byStep.forEach((step, v) -> {
                ArmSummary s = new ArmSummary(arm, v, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                        0, 0);
                out.add(new CurvePoint(arm, step, List.copyOf(v), s.mean(), s.standardDeviation()));
            });
        }
        return out;
    }

    /**
     * The arm best on {@code metric} and whether it is clearly so: its worst run beats every other
     * arm's best run (for a lower-is-better metric, its highest is below their lowest).
     */
    public Verdict verdict(String metric) {
        ArmMetrics.Metric m = metric(metric);
        List<ArmSummary> s = new ArrayList<>(summary(metric));
        if (s.size() < 2) {
            throw new IllegalStateException("a verdict needs runs of at least two arms, have " + arms());
        }
        s.sort((a, b) -> m.higherBetter() ? Double.compare(b.mean(), a.mean()) : Double.compare(a.mean(), b.mean()));
        ArmSummary best = s.get(0);
        boolean enough = s.stream().allMatch(a -> a.values().size() >= 2);
        boolean clear = enough && s.subList(1, s.size()).stream().allMatch(o -> m.higherBetter() ? best.min() > o.max()
                : best.max() < o.min());
        return new Verdict(metric, best.arm(), clear, s.get(1).arm(), Math.abs(best.mean() - s.get(1).mean()), enough);
    }

    private static ArmMetrics.Metric metric(String metric) {
        ArmMetrics.Metric m = ArmMetrics.METRICS.get(metric);
        if (m == null) {
            throw new IllegalArgumentException("no metric '" + metric + "'; metrics: " + ArmMetrics.METRICS.keySet());
        }
        return m;
    }

    /** Reads results written by {@link #update}. */
    public static AblationResults read(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), AblationResults.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not an ablation results file (" + Json.problem(e) + ")", e);
        }
    }

    /** Where shipped results live on the classpath: {@code <root>/<ablation>.json}. */
    public static final String RESOURCE_ROOT = "/dev/tessera/engine/ablations/";

    /**
     * The shipped results of ablation {@code name} ({@link Ablations#SHIPPED}): the full runs, made
     * by the command in their provenance.
     */
    public static AblationResults shipped(String name) {
        if (!Ablations.SHIPPED.contains(name)) {
            throw new IllegalArgumentException("no shipped ablation '" + name + "'; shipped: " + Ablations.SHIPPED);
        }
        return resource(RESOURCE_ROOT + name + ".json");
    }

    /** Reads shipped results from the classpath resource {@code resource}. */
    public static AblationResults resource(String resource) {
        try (var in = AblationResults.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped ablation results at " + resource);
            }
            return Json.mapper().readValue(in, AblationResults.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies {@code change} to the results in {@code file} (empty results {@code empty} when there
     * is none yet) and writes them back atomically, holding a lock on {@code file.lock} throughout,
     * so several processes running arms of one ablation can share the file. Returns what was written.
     */
    public static AblationResults update(Path file, AblationResults empty, UnaryOperator<AblationResults> change) {
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                AblationResults now = Files.isRegularFile(file) ? read(file) : empty;
                AblationResults next = change.apply(now);
                AtomicFile.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
                return next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the ablation results " + file + ": " + e.getMessage(), e);
        }
    }

    /** These results with {@code run} added, replacing an earlier result of the same arm, seed, steps and batch. */
    public AblationResults with(AblationRun run) {
        // a newer measurement of the same training replaces the older one, whatever budget measured
        // that: a file keeps one result per trained run, so a rerun after the budget changed (a new
        // Tessera's measure) does not leave two recipes side by side
        List<AblationRun> next = new ArrayList<>(runs.stream()
                .filter(r -> !(r.arm().equals(run.arm()) && r.seed() == run.seed() && r.steps() == run.steps()
                        && r.batch() == run.batch())).toList());
        next.add(run);
        return new AblationResults(ablation, description, provenance, next);
    }

    /** The finished run of {@code arm} at {@code seed} trained and measured with this budget, if any. */
    public java.util.Optional<AblationRun> find(String arm, long seed, int steps, int batch, ArmMetrics.Budget budget) {
        return runs.stream().filter(r -> r.is(arm, seed, steps, batch, budget)).findFirst();
    }
}
