package dev.tessera.engine.train;

import java.util.Map;

/**
 * A snapshot of a running training, sent to {@link ProgressListener}s.
 *
 * @param step           steps finished
 * @param totalSteps     steps planned
 * @param loss           total loss of the last step
 * @param parts          named loss parts of the last step (e.g. reconstruction, commitment)
 * @param stepsPerSecond throughput since the start
 * @param elapsedSeconds wall time since the start
 */
public record TrainingProgress(int step, int totalSteps, double loss, Map<String, Double> parts,
                               double stepsPerSecond, double elapsedSeconds) {

    public TrainingProgress {
        parts = Map.copyOf(parts);
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
        return sb.append(String.format(" | %.2f steps/s, eta %.0fs", stepsPerSecond, etaSeconds())).toString();
    }
}
