package dev.tessera.engine.unified;

import dev.tessera.engine.train.StepLoss;

import java.util.List;

/**
 * What a unified training run did.
 *
 * @param steps          steps finished in total (including those before a resume)
 * @param interrupted    true when it stopped early on request or interrupt
 * @param seconds        wall time of this run
 * @param history        losses of every step so far
 * @param tokensPerSecond input tokens processed per second in this run
 * @param skippedSteps   steps dropped for a non-finite gradient
 */
public record UnifiedTrainingResult(int steps, boolean interrupted, double seconds, List<StepLoss> history,
                                    double tokensPerSecond, int skippedSteps) {

    public UnifiedTrainingResult {
        history = List.copyOf(history);
    }
}
