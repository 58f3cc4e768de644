package dev.tessera.engine.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every Tessera trainer is told from outside before it runs: who hears its progress, what
 * stops it, and where (with which provenance) its checkpoints go. Trainers extend it, so the
 * fluent setters read the same for the tokenizer, judge and unified trainers.
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

    protected ProgressListener listener = ProgressListener.none();
    protected TrainingStop stop = new TrainingStop();
    /** Checkpoint folder, or null to train without writing one. */
    protected Path checkpointFolder;
    protected Map<String, Object> provenance = Map.of();
    /** Steps finished when the checkpoint was last written. */
    protected int lastSaved;
    /** Steps dropped for a non-finite gradient so far. */
    protected int skipped;

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
        lastSaved = stepsDone;
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
