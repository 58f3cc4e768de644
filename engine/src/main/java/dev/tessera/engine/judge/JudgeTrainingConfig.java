package dev.tessera.engine.judge;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.train.TrainingLimits;

/**
 * How to train a {@link SceneJudge} on generated scenes of 1..4 objects. Steps, batch size and
 * checkpoint interval are capped by {@link TrainingLimits}.
 *
 * @param steps           optimiser steps
 * @param batchSize       scenes per step (each scene is seen once: the stream is endless)
 * @param learningRate    peak AdamW learning rate, reached after warm-up, then cosine decay to 5%; 0 freezes the weights (a control run: what the non-gradient parts do alone)
 * @param warmupSteps     linear warm-up steps
 * @param seed            fixes initial weights and the scene stream; never the held-out seed
 * @param maxGradNorm     global gradient norm limit (0 = no clipping)
 * @param checkpointEvery steps between checkpoint writes when an output folder is given (0 = end only)
 * @param degraded        fraction of training images blurred and noised at random (0..1), so the judge
 *                        also reads the softer images a decoder produces
 */
public record JudgeTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, long seed,
                                  double maxGradNorm, int checkpointEvery, double degraded) {

    public JudgeTrainingConfig {
        TrainingLimits.checkStepsAndBatch(steps, batchSize);
        if (!(learningRate >= 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in [0, 1), got " + learningRate);
        }
        if (warmupSteps < 0 || warmupSteps >= steps) {
            throw new IllegalArgumentException("warmupSteps must be in 0..steps-1, got " + warmupSteps);
        }
        if (seed == SceneConfig.HELD_OUT_SEED) {
            throw new IllegalArgumentException("seed " + seed + " is SceneConfig.HELD_OUT_SEED, which draws the scenes the "
                    + "judge is evaluated on; train with any other seed");
        }
        if (!(degraded >= 0 && degraded <= 1)) {
            throw new IllegalArgumentException("degraded is a fraction of images, 0..1, got " + degraded);
        }
        if (!(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("maxGradNorm must be >= 0 (0 = no clipping), got " + maxGradNorm);
        }
        TrainingLimits.checkCheckpointEvery(checkpointEvery);
    }

    /** The recipe of the shipped {@code judge-objects32}. */
    public static JudgeTrainingConfig objects32() {
        return new JudgeTrainingConfig(8000, 64, 2e-3, 200, 11, 5.0, 1000, 0.5);
    }

    /**
     * The recipe of the shipped assessor {@code assessor-tokens32}: the judge's, with its own seed
     * and 3,000 steps (its loss was still falling there: a longer run would read scenes better).
     */
    public static JudgeTrainingConfig tokens32() {
        return new JudgeTrainingConfig(3000, 64, 2e-3, 200, 12, 5.0, 500, 0.5);
    }

    /** A few seconds of training for tests and demos. */
    public static JudgeTrainingConfig smoke() {
        return new JudgeTrainingConfig(80, 16, 1e-2, 5, 1, 5.0, 0, 0.5);
    }

    public JudgeTrainingConfig withSteps(int s) {
        return new JudgeTrainingConfig(s, batchSize, learningRate, Math.min(warmupSteps, s - 1), seed, maxGradNorm,
                checkpointEvery, degraded);
    }

    public JudgeTrainingConfig withDegraded(double d) {
        return new JudgeTrainingConfig(steps, batchSize, learningRate, warmupSteps, seed, maxGradNorm, checkpointEvery, d);
    }

    public JudgeTrainingConfig withLearningRate(double lr) {
        return new JudgeTrainingConfig(steps, batchSize, lr, warmupSteps, seed, maxGradNorm, checkpointEvery, degraded);
    }

    public JudgeTrainingConfig withSeed(long s) {
        return new JudgeTrainingConfig(steps, batchSize, learningRate, warmupSteps, s, maxGradNorm, checkpointEvery,
                degraded);
    }
}
