package dev.tessera.engine.train;

import java.util.List;

/**
 * The outcome of a tokenizer training run.
 *
 * @param stepsDone           steps finished (fewer than planned if interrupted)
 * @param interrupted         true when stopped early by request or interrupt
 * @param seconds             wall time
 * @param reconstructionLoss  per-step reconstruction MSE (in [-1, 1] pixel units)
 * @param codesRestarted      dead codes re-seeded over the run
 * @param skippedSteps        steps dropped because their gradient was not finite
 */
public record TokenizerTrainingResult(int stepsDone, boolean interrupted, double seconds,
                                      List<Double> reconstructionLoss, int codesRestarted, int skippedSteps) {

    public TokenizerTrainingResult {
        reconstructionLoss = List.copyOf(reconstructionLoss);
    }

    /** Mean reconstruction loss of the first {@code n} steps. */
    public double meanLossOfFirst(int n) {
        return reconstructionLoss.stream().limit(n).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Mean reconstruction loss of the last {@code n} steps. */
    public double meanLossOfLast(int n) {
        int size = reconstructionLoss.size();
        return reconstructionLoss.subList(Math.max(0, size - n), size).stream()
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
