package dev.tessera.engine.ablation;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.CurriculumResult;
import dev.tessera.engine.curriculum.CurriculumRun;
import dev.tessera.engine.curriculum.CurriculumRunner;
import dev.tessera.engine.curriculum.StageListener;
import dev.tessera.engine.curriculum.StageResult;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains and measures the runs of an {@link Ablation}: each arm at each seed is a curriculum run
 * in its own folder ({@code <arm>-seed<seed>}), so an interrupted ablation resumes where it
 * stopped, and each finished run is measured ({@link ArmMetrics}) and added to the results file
 * at once. Runs already in the results file with the same budget are not trained again, and
 * several processes may share one results file (each taking some arms).
 */
public final class AblationRunner {

    /**
     * Which runs to make and how big.
     *
     * @param arms   the arms to run (empty: all, in the ablation's order)
     * @param seeds  the seeds of each arm (at least one)
     * @param steps  every stage's steps (a two-stage arm trains twice as many), or null for the curriculum's own
     * @param batch  every stage's batch size, or null for the curriculum's own
     * @param budget how much held-out data measures a run
     */
    public record Settings(List<String> arms, List<Long> seeds, Integer steps, Integer batch, ArmMetrics.Budget budget) {

        public Settings {
            arms = arms == null ? List.of() : List.copyOf(arms);
            if (seeds == null || seeds.isEmpty()) {
                throw new IllegalArgumentException("an ablation needs at least one seed, e.g. 1,2,3");
            }
            seeds = List.copyOf(seeds);
            if (budget == null) {
                budget = ArmMetrics.Budget.full();
            }
        }
    }

    private AblationRunner() {
    }

    /** The curriculum of {@code arm} at {@code seed} with the settings' budget: stage i gets seed {@code seed + i}. */
    public static Curriculum curriculum(Ablation ablation, String arm, long seed, Settings settings) {
        Curriculum c = ablation.arm(arm);
        if (settings.steps() != null) {
            c = c.withSteps(settings.steps());
        }
        if (settings.batch() != null) {
            c = c.withBatchSize(settings.batch());
        }
        List<String> names = c.stages().stream().map(s -> s.name()).toList();
        return c.mapStages(s -> s.withTraining(s.training().withSeed(seed + names.indexOf(s.name()))));
    }

    /**
     * Runs what the settings ask that {@code results} does not hold yet, checkpoints under
     * {@code runs}; stops early (all finished runs kept) on {@code stop}. Returns the results file's
     * contents at the end.
     */
    public static AblationResults run(Ablation ablation, Settings settings, Path runs, Path results, StageListener listener,
                                      TrainingStop stop, Map<String, Object> provenance) {
        List<String> arms = settings.arms().isEmpty() ? new ArrayList<>(ablation.arms().keySet()) : settings.arms();
        arms.forEach(ablation::arm);
        for (String arm : arms) {
            for (long seed : settings.seeds()) {
                Curriculum c = curriculum(ablation, arm, seed, settings);
                int steps = c.totalSteps();
                int batch = c.stages().get(0).training().batchSize();
                AblationResults now = AblationResults.readOr(results, empty(ablation, provenance));
                if (!now.ablation().equals(ablation.name())) {
                    throw new IllegalArgumentException(results + " holds results of the ablation " + now.ablation()
                            + ", not " + ablation.name() + "; give each ablation its own --out file");
                }
                if (now.find(arm, seed, steps, batch, settings.budget()).isPresent()) {
                    continue;
                }
                Path folder = runs.resolve(arm + "-seed" + seed);
                Map<String, Object> p = new LinkedHashMap<>(provenance);
                p.put("ablation", ablation.name());
                p.put("arm", arm);
                CurriculumResult r;
                List<Integer> curve = ablation.curve().stream().filter(t -> t < steps).toList();
                try (RunLock ignored = RunLock.take(runs, arm + "-seed" + seed)) {
                    r = Curricula.train(new CurriculumRun(c, folder), listener, stop, p, curve);
                }
                if (r.interrupted()) {
                    return now;
                }
                double seconds = r.stages().stream().filter(StageResult::trainedNow).mapToDouble(s -> s.training().seconds())
                        .sum();
                ArmMetrics metrics;
                try (UnifiedModel model = UnifiedCheckpoint.load(r.lastCheckpoint()).model()) {
                    metrics = ArmMetrics.measure(model, settings.budget());
                }
                List<AblationRun.CurvePoint> points = new ArrayList<>();
                for (int step : curve) {
                    try (UnifiedModel model = UnifiedCheckpoint.load(CurriculumRunner.snapshot(folder, c, step)).model()) {
                        points.add(new AblationRun.CurvePoint(step, ArmMetrics.measure(model, curveBudget(settings.budget()))));
                    }
                }
                AblationRun run = new AblationRun(arm, seed, steps, batch, seconds, r.lastCheckpoint().toString(), metrics,
                        r.guard(), settings.budget(), points);
                AblationResults.update(results, empty(ablation, provenance), x -> withCommand(x, provenance).with(run));
            }
        }
        return AblationResults.update(results, empty(ablation, provenance), x -> x);
    }

    /** What measures a curve point: the run's held-out scenes, without text-to-image. */
    static ArmMetrics.Budget curveBudget(ArmMetrics.Budget budget) {
        return new ArmMetrics.Budget(budget.scenes(), 0, 0);
    }

    private static AblationResults empty(Ablation ablation, Map<String, Object> provenance) {
        return new AblationResults(ablation.name(), ablation.description(), provenance, List.of());
    }

    /** {@code r} with this invocation's command listed in its provenance (several processes may share a file). */
    @SuppressWarnings("unchecked")
    private static AblationResults withCommand(AblationResults r, Map<String, Object> provenance) {
        Object command = provenance.get("command");
        if (command == null) {
            return r;
        }
        Map<String, Object> p = new LinkedHashMap<>(r.provenance());
        List<Object> commands = new ArrayList<>((List<Object>) p.getOrDefault("commands", List.of()));
        if (!commands.contains(command)) {
            commands.add(command);
        }
        p.put("commands", commands);
        return new AblationResults(r.ablation(), r.description(), p, r.runs());
    }

    /** A lock on one run's folder for as long as it trains: two processes never train the same run. */
    private record RunLock(java.nio.channels.FileChannel channel, java.nio.channels.FileLock lock) implements AutoCloseable {

        static RunLock take(Path runs, String run) {
            try {
                java.nio.file.Files.createDirectories(runs);
                java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(runs.resolve(run + ".lock"),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    ch.close();
                    throw new IllegalStateException("the run " + run + " in " + runs + " is being trained by another process; "
                            + "give each process other --arms, or wait for it to finish");
                }
                return new RunLock(ch, lock);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot lock the run " + run + " in " + runs + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot release the lock of a run: " + e.getMessage(), e);
            }
        }
    }
}
