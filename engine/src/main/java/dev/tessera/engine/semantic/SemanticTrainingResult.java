package dev.tessera.engine.semantic;

import java.util.List;

/**
 * The outcome of a semantic encoder's training.
 *
 * @param stepsDone    steps finished (fewer than planned if interrupted)
 * @param interrupted  true when stopped early by request or interrupt
 * @param seconds      wall time
 * @param losses       each step's dense plus pooled contrastive loss
 * @param skippedSteps steps dropped because their gradient was not finite
 */
public record SemanticTrainingResult(int stepsDone, boolean interrupted, double seconds, List<Double> losses,
                                     int skippedSteps) {

    public SemanticTrainingResult {
        losses = List.copyOf(losses);
    }

    /** Mean loss of the first {@code n} steps. */
    public double meanLossOfFirst(int n) {
        return losses.stream().limit(n).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Mean loss of the last {@code n} steps. */
    public double meanLossOfLast(int n) {
        return losses.subList(Math.max(0, losses.size() - n), losses.size()).stream().mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN);
    }
}
