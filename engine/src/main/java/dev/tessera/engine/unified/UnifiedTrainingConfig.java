package dev.tessera.engine.unified;

import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.lm.ParameterGroups;
import dev.tessera.engine.task.TaskMix;
import dev.tessera.engine.train.TrainingLimits;

import java.util.List;

/**
 * How a unified model is trained. Steps, batch size and checkpoint interval are capped by
 * {@link TrainingLimits}; the learning rate must be in [0, 1] (0: a frozen control run).
 *
 * @param steps           optimizer steps
 * @param batchSize       sequences per step
 * @param learningRate    peak AdamW learning rate; 0 freezes the weights (a control run: what the non-gradient parts do alone)
 * @param warmupSteps     linear warm-up steps before the cosine decay
 * @param weightDecay     decoupled weight decay of the matrices
 * @param maxGradNorm     global gradient-norm limit (0 = no clipping)
 * @param seed            data and initialisation seed: the same seed gives the same run
 * @param checkpointEvery steps between checkpoints when training to a folder (0 = only at the end)
 * @param mix             task weights and prompt dropout
 * @param weighting       how target tokens share the loss (null, as in checkpoints written before
 *                        it existed, means {@link LossWeighting#TOKEN})
 * @param trainable       the weights that learn, as {@link ParameterGroups} groups or name globs;
 *                        empty (or null, as in older checkpoints) means all the model was built to learn
 */
public record UnifiedTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, double weightDecay,
                                    double maxGradNorm, long seed, int checkpointEvery, TaskMix mix,
                                    LossWeighting weighting, List<String> trainable) {

    public UnifiedTrainingConfig {
        if (weighting == null) {
            weighting = LossWeighting.TOKEN;
        }
        trainable = trainable == null ? List.of() : List.copyOf(trainable);
        TrainingLimits.checkStepsAndBatch(steps, batchSize);
        if (!(learningRate >= 0) || learningRate > 1) {
            throw new IllegalArgumentException("learningRate must be in [0, 1], got " + learningRate);
        }
        if (warmupSteps < 0 || warmupSteps >= steps) {
            throw new IllegalArgumentException("warmupSteps must be in 0.." + (steps - 1) + ", got " + warmupSteps);
        }
        if (!(weightDecay >= 0) || !(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("weightDecay and maxGradNorm must be >= 0, got " + weightDecay + " and "
                    + maxGradNorm);
        }
        TrainingLimits.checkCheckpointEvery(checkpointEvery);
        if (mix == null) {
            throw new IllegalArgumentException("a task mix is required, e.g. TaskMix.balanced()");
        }
    }

    /** A config that trains every weight the model was built to learn. */
    public UnifiedTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, double weightDecay,
                                 double maxGradNorm, long seed, int checkpointEvery, TaskMix mix, LossWeighting weighting) {
        this(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed, checkpointEvery, mix, weighting,
                List.of());
    }

    /** The shipped model's recipe (see the checkpoint's provenance for the exact command). */
    public static UnifiedTrainingConfig small() {
        return new UnifiedTrainingConfig(8000, 32, 1e-3, 200, 0.01, 1.0, 17, 250, TaskMix.balanced(), LossWeighting.TOKEN);
    }

    /** A few minutes on two CPU cores: enough to watch the losses fall in a notebook. */
    public static UnifiedTrainingConfig notebook() {
        return new UnifiedTrainingConfig(150, 16, 2e-3, 15, 0.01, 1.0, 5, 50, TaskMix.balanced(), LossWeighting.TOKEN);
    }

    /** A handful of steps, for tests. */
    public static UnifiedTrainingConfig smoke() {
        return new UnifiedTrainingConfig(12, 8, 3e-3, 2, 0.0, 1.0, 3, 0, TaskMix.balanced(), LossWeighting.TOKEN);
    }

    public UnifiedTrainingConfig withSteps(int s) {
        return new UnifiedTrainingConfig(s, batchSize, learningRate, Math.min(warmupSteps, s - 1), weightDecay, maxGradNorm,
                seed, checkpointEvery, mix, weighting, trainable);
    }

    public UnifiedTrainingConfig withSeed(long s) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, s,
                checkpointEvery, mix, weighting, trainable);
    }

    public UnifiedTrainingConfig withBatchSize(int b) {
        return new UnifiedTrainingConfig(steps, b, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, trainable);
    }

    public UnifiedTrainingConfig withLearningRate(double lr) {
        return new UnifiedTrainingConfig(steps, batchSize, lr, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, trainable);
    }

    public UnifiedTrainingConfig withCheckpointEvery(int n) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed, n, mix, weighting, trainable);
    }

    public UnifiedTrainingConfig withWeighting(LossWeighting w) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, w, trainable);
    }

    public UnifiedTrainingConfig withMix(TaskMix m) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, m, weighting, trainable);
    }

    public UnifiedTrainingConfig withTrainable(List<String> groups) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, groups);
    }
}
