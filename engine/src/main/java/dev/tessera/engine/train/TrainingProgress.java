package dev.tessera.engine.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a running training, sent to {@link ProgressListener}s.
 *
 * @param step           steps finished
 * @param totalSteps     steps planned
 * @param loss           total loss of the last step
 * @param parts          named loss parts of the last step (e.g. reconstruction, commitment), in
 *                       the trainer's order
 * @param stepsPerSecond throughput since the start
 * @param elapsedSeconds wall time since the start
 * @param tokensPerSecond sequence tokens trained per second since the start; 0 for trainers that
 *                       do not count tokens (image tokenizers, the judge)
 * @param skippedSteps   steps dropped so far because their gradient was not finite; shown in
 *                       every progress line, so a guard can never hide a numerical fault
 */
public record TrainingProgress(int step, int totalSteps, double loss, Map<String, Double> parts,
                               double stepsPerSecond, double elapsedSeconds, double tokensPerSecond, int skippedSteps) {

    public TrainingProgress {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** Progress with no skipped step. */
    public TrainingProgress(int step, int totalSteps, double loss, Map<String, Double> parts, double stepsPerSecond,
                            double elapsedSeconds, double tokensPerSecond) {
        this(step, totalSteps, loss, parts, stepsPerSecond, elapsedSeconds, tokensPerSecond, 0);
    }

    /** Progress of a trainer that does not count tokens, with no skipped step. */
    public TrainingProgress(int step, int totalSteps, double loss, Map<String, Double> parts, double stepsPerSecond,
                            double elapsedSeconds) {
        this(step, totalSteps, loss, parts, stepsPerSecond, elapsedSeconds, 0, 0);
    }

    /** Fraction done, 0..1. */
    public double fraction() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }

    /** Seconds left at the current rate. */
    public double etaSeconds() {
        return stepsPerSecond <= 0 ? Double.NaN : (totalSteps - step) / stepsPerSecond;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("step %d/%d loss %.5f", step, totalSteps, loss));
        parts.forEach((k, v) -> sb.append(String.format(" %s %.5f", k, v)));
        sb.append(String.format(" | %.2f steps/s", stepsPerSecond));
        if (tokensPerSecond > 0) {
            sb.append(String.format(", %.0f tokens/s", tokensPerSecond));
        }
        sb.append(String.format(", eta %.0fs", etaSeconds()));
        return sb.append(String.format(" | %d skipped step%s", skippedSteps, skippedSteps == 1 ? "" : "s")).toString();
    }
}
