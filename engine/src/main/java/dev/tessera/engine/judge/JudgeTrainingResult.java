package dev.tessera.engine.judge;

import java.util.List;

/**
 * The outcome of a judge training run.
 *
 * @param stepsDone    steps finished (fewer than planned if interrupted)
 * @param interrupted  true when stopped early by request or interrupt
 * @param seconds      wall time
 * @param loss         per-step total loss (count cross-entropy plus the presence heads' BCE)
 * @param skippedSteps steps dropped because their gradient was not finite
 */
public record JudgeTrainingResult(int stepsDone, boolean interrupted, double seconds, List<Double> loss,
                                  int skippedSteps) {

    public JudgeTrainingResult {
        loss = List.copyOf(loss);
    }

    /** Mean loss of the first {@code n} steps. */
    public double meanLossOfFirst(int n) {
        return loss.stream().limit(n).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Mean loss of the last {@code n} steps. */
    public double meanLossOfLast(int n) {
        return loss.subList(Math.max(0, loss.size() - n), loss.size()).stream()
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
