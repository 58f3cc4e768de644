package dev.tessera.engine.semantic;

import dev.tessera.engine.data.SceneConfig;

/**
 * How a {@link SemanticEncoder} trains: AdamW with warm-up and cosine decay on pairs of views of
 * generated scenes ({@link SemanticViews}), the dense plus pooled {@link ContrastiveLoss}.
 *
 * @param steps            optimisation steps
 * @param batchSize        scenes per step (each gives two views)
 * @param learningRate     peak learning rate (0 trains nothing: a control run)
 * @param warmupSteps      linear warm-up steps
 * @param temperature      the InfoNCE temperature
 * @param positions        grid positions sampled per scene for the dense loss (1..g*g)
 * @param maxGradNorm      global gradient-norm limit (0: none)
 * @param seed             the seed of the scenes, views, positions and initial weights; never the
 *                         held-out scenes' seed
 * @param checkpointEvery  steps between checkpoints (0: only at the end)
 * @param views            how the two views of a scene differ
 * @param hardNegatives    whether each scene also gets a reshaped view ({@link SemanticViews#reshaped}),
 *                         a negative of the pooled loss that differs from it in one object's shape
 */
public record SemanticTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, double temperature,
                                     int positions, double maxGradNorm, long seed, int checkpointEvery,
                                     SemanticViews views, boolean hardNegatives) {

    public SemanticTrainingConfig {
        if (steps < 1 || batchSize < 2 || batchSize > 1024) {
            throw new IllegalArgumentException("steps must be >= 1 and batchSize in 2..1024 (a contrastive loss needs "
                    + "other scenes as negatives), got " + steps + " and " + batchSize);
        }
        if (!(learningRate >= 0) || warmupSteps < 0 || !(temperature > 0 && temperature <= 1) || positions < 1
                || maxGradNorm < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("learningRate >= 0, warmupSteps >= 0, temperature in (0, 1], positions >= 1,"
                    + " maxGradNorm >= 0 and checkpointEvery >= 0 are required, got " + learningRate + ", " + warmupSteps
                    + ", " + temperature + ", " + positions + ", " + maxGradNorm + ", " + checkpointEvery);
        }
        if (seed == SceneConfig.HELD_OUT_SEED) {
            throw new IllegalArgumentException("seed " + seed + " draws the held-out scenes every model is measured on; "
                    + "train on any other seed");
        }
        if (views == null) {
            throw new IllegalArgumentException("say how the two views differ, e.g. SemanticViews.standard()");
        }
    }

    /** The shipped {@code semantic-encoder32}'s recipe: 1000 steps of 64 scenes, 16 positions each, reshaped hard negatives. */
    public static SemanticTrainingConfig shapes32() {
        return new SemanticTrainingConfig(1000, 64, 2e-3, 100, 0.2, 16, 1.0, 13, 250, SemanticViews.standard(), true);
    }

    /** A few steps of a small batch: for tests. */
    public static SemanticTrainingConfig smoke() {
        return new SemanticTrainingConfig(30, 8, 3e-3, 5, 0.2, 4, 1.0, 5, 0, SemanticViews.standard(), true);
    }

    public SemanticTrainingConfig withHardNegatives(boolean on) {
        return new SemanticTrainingConfig(steps, batchSize, learningRate, warmupSteps, temperature, positions, maxGradNorm,
                seed, checkpointEvery, views, on);
    }

    public SemanticTrainingConfig withSteps(int s) {
        return new SemanticTrainingConfig(s, batchSize, learningRate, Math.min(warmupSteps, s / 2), temperature, positions,
                maxGradNorm, seed, checkpointEvery, views, hardNegatives);
    }

    public SemanticTrainingConfig withLearningRate(double lr) {
        return new SemanticTrainingConfig(steps, batchSize, lr, warmupSteps, temperature, positions, maxGradNorm, seed,
                checkpointEvery, views, hardNegatives);
    }

    public SemanticTrainingConfig withSeed(long s) {
        return new SemanticTrainingConfig(steps, batchSize, learningRate, warmupSteps, temperature, positions, maxGradNorm,
                s, checkpointEvery, views, hardNegatives);
    }

    public SemanticTrainingConfig withViews(SemanticViews v) {
        return new SemanticTrainingConfig(steps, batchSize, learningRate, warmupSteps, temperature, positions, maxGradNorm,
                seed, checkpointEvery, v, hardNegatives);
    }
}
