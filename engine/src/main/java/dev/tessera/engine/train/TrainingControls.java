package dev.tessera.engine.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every Tessera trainer is told from outside before it runs (who hears its progress, what
 * stops it, and where, with which provenance, its checkpoints go) and the one loop all of them
 * run ({@link #runSteps}): steps until the budget or a stop, progress after each, periodic and
 * final checkpoints. Trainers extend it and supply only their step, so the tokenizer, judge and
 * unified trainers (and the curriculum runner through the unified one) stop, report and save
 * alike.
 *
 * @param <T> the trainer itself, returned by the setters
 */
public abstract class TrainingControls<T extends TrainingControls<T>> {

    /**
     * Steps from the start of a run that began at step 0 in which a non-finite gradient is an
     * error ({@link NonFiniteGradientException}) instead of a skipped step.
     */
    public static final int EARLY_STEPS = 100;
    /** Non-finite gradients skipped later in a run before the run counts as diverged. */
    public static final int MAX_SKIPPED_STEPS = 10;

    private ProgressListener listener = ProgressListener.none();
    private TrainingStop stop = new TrainingStop();
    /** Checkpoint folder, or null to train without writing one. */
    private Path checkpointFolder;
    private java.util.Set<Integer> snapshots = java.util.Set.of();
    private Map<String, Object> provenance = Map.of();
    /** Steps finished when the checkpoint was last written. */
    private int lastSaved;
    /** Steps dropped for a non-finite gradient so far. */
    private int skipped;

    /** What one step reports: its loss, its named parts, and the sequence tokens it trained (0 if not counted). */
    public record StepReport(double loss, Map<String, Double> parts, long tokens) {
    }

    /** One optimizer step of a trainer. */
    @FunctionalInterface
    public interface Step {
        /** Takes step {@code s} (0-based); its report, or null when it was skipped (a non-finite gradient). */
        StepReport take(int s);
    }

    /** How a trainer writes its checkpoint. */
    @FunctionalInterface
    public interface Save {
        void save(int stepsDone, boolean interrupted);
    }

    /** The end of a {@link #runSteps} run. */
    public record Run(int steps, boolean interrupted, double seconds, long tokens) {

        public double tokensPerSecond() {
            return tokens / Math.max(seconds, 1e-9);
        }
    }

    /**
     * The training loop: steps {@code from}, {@code from + 1}, ... until {@code total} or a stop
     * (checked before each step), each step's progress to the listener, a checkpoint every
     * {@code checkpointEvery} steps (0: none) when training to a folder, and {@code beforeFinalSave}
     * then the final checkpoint. A skipped step writes no progress and no periodic checkpoint.
     */
    protected final Run runSteps(int from, int total, int checkpointEvery, Step step, Runnable beforeFinalSave, Save save) {
        long start = System.nanoTime();
        long tokens = 0;
        int s = from;
        for (; s < total && !stop.requested(); s++) {
            StepReport r = step.take(s);
            if (r == null) {
                continue;
            }
            tokens += r.tokens();
            double secs = (System.nanoTime() - start) / 1e9;
            listener.onProgress(new TrainingProgress(s + 1, total, r.loss(), r.parts(), (s + 1 - from) / secs, secs,
                    tokens / secs, skipped));
            if (checkpointFolder != null && checkpointEvery > 0 && (s + 1) % checkpointEvery == 0 && s + 1 < total) {
                saveTo(save, s + 1, false);
            }
            if (checkpointFolder != null && snapshots.contains(s + 1) && s + 1 < total) {
                snapshot(save, s + 1);
            }
        }
        beforeFinalSave.run();
        boolean interrupted = s < total;
        if (checkpointFolder != null) {
            saveTo(save, s, interrupted);
        }
        return new Run(s, interrupted, (System.nanoTime() - start) / 1e9, tokens);
    }

    /** Writes the weights after {@code stepsDone} steps to their own {@link #snapshotFolder}, leaving the run's checkpoint alone. */
    private void snapshot(Save save, int stepsDone) {
        Path main = checkpointFolder;
        checkpointFolder = snapshotFolder(main, stepsDone);
        try {
            save.save(stepsDone, false);
        } finally {
            checkpointFolder = main;
        }
    }

    /**
     * Where the snapshot after {@code step} steps of a run checkpointed to {@code folder} goes: a
     * sibling folder {@code <folder>-step<step>}, a full checkpoint of its own that loads like the
     * final one.
     */
    public static Path snapshotFolder(Path folder, int step) {
        return folder.resolveSibling(folder.getFileName() + "-step" + step);
    }

    /**
     * Also keeps a snapshot of the weights after each of {@code steps} (counted from the first step
     * of this trainer's run, the final step excluded) in {@link #snapshotFolder}: the points of an
     * accuracy-against-steps curve measured after training, without a second run whose shorter
     * schedule would give other weights.
     */
    public T snapshotsAt(java.util.Collection<Integer> steps) {
        this.snapshots = java.util.Set.copyOf(steps);
        return self();
    }

    private void saveTo(Save save, int stepsDone, boolean interrupted) {
        lastSaved = stepsDone;
        save.save(stepsDone, interrupted);
    }

    /** The folder checkpoints go to, or null. */
    protected Path checkpointFolder() {
        return checkpointFolder;
    }

    /** Marks {@code steps} as saved already (a resumed run starts from its checkpoint). */
    protected void resumedAt(int steps) {
        lastSaved = steps;
    }

    /** The listener set by {@link #listener(ProgressListener)}. */
    protected final ProgressListener listener() {
        return listener;
    }

    /** Receives a {@link TrainingProgress} after every step. */
    public T listener(ProgressListener l) {
        this.listener = l;
        return self();
    }

    /** Stops the run at the next step boundary when requested (a thread interrupt does too). */
    public T stop(TrainingStop s) {
        this.stop = s;
        return self();
    }

    /** Writes checkpoints to {@code folder} (every {@code checkpointEvery} steps and at the end). */
    public T checkpointTo(Path folder, Map<String, Object> provenanceRecord) {
        this.checkpointFolder = folder;
        this.provenance = provenanceRecord;
        return self();
    }

    /**
     * The error for a non-finite loss at {@code step}: it names what was kept on disk and the two
     * settings to lower.
     */
    protected TrainingDivergedException diverged(int step, double learningRate, double maxGradNorm) {
        return new TrainingDivergedException("training diverged at step " + step + " (the loss is not finite); "
                + keptOnDisk() + "; lower the learning rate (now " + learningRate + ") or the gradient norm limit (now "
                + maxGradNorm + ")");
    }

    /**
     * Handles a gradient whose global norm was not finite at {@code step} (1-based); the caller has
     * zeroed the gradients and skips the optimizer step when this returns. In the first
     * {@value #EARLY_STEPS} steps of a run that started at step 0 ({@code fromStart}) it throws a
     * {@link NonFiniteGradientException} naming {@code offenders}: there it is a fault, not a spike.
     * Later it counts a skipped step (visible in every {@link TrainingProgress} and result), and
     * more than {@value #MAX_SKIPPED_STEPS} of them end the run as diverged.
     */
    protected void nonFiniteGradient(int step, boolean fromStart, List<String> offenders, double learningRate,
                                     double maxGradNorm) {
        if (fromStart && step <= EARLY_STEPS) {
            throw new NonFiniteGradientException(step, offenders, keptOnDisk());
        }
        if (++skipped > MAX_SKIPPED_STEPS) {
            throw diverged(step, learningRate, maxGradNorm);
        }
    }

    /** Steps dropped for a non-finite gradient so far. */
    public int skippedSteps() {
        return skipped;
    }

    private String keptOnDisk() {
        return checkpointFolder == null ? "nothing was saved"
                : "the checkpoint in " + checkpointFolder + " from step " + lastSaved + " is intact";
    }

    /**
     * Writes the checkpoint through {@code writer} with the provenance plus the step count, the
     * interrupted flag, the skipped steps and {@code extra}; the write runs with the interrupt flag
     * cleared, so the interrupt that stopped the run cannot fail its last checkpoint.
     */
    protected void saveCheckpoint(int stepsDone, boolean interrupted, Map<String, Object> extra,
                                  Consumer<Map<String, Object>> writer) {
        Map<String, Object> p = new LinkedHashMap<>(provenance);
        p.put("stepsDone", stepsDone);
        p.put("interrupted", interrupted);
        p.put("skippedSteps", skipped);
        p.putAll(new java.util.TreeMap<>(extra)); // a fixed order, so equal runs write equal files
        TrainingStop.uninterrupted(() -> writer.accept(p));
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
