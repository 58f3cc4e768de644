package dev.tessera.engine.train;

/**
 * How to train a VQ tokenizer on generated scenes. Steps, batch size and checkpoint interval are
 * capped by {@link TrainingLimits}.
 *
 * @param steps           optimiser steps
 * @param batchSize       scenes per step
 * @param learningRate    peak AdamW learning rate, reached after warm-up, then cosine decay to 5%; 0 freezes the weights (a control run: what the non-gradient parts do alone)
 * @param warmupSteps     linear warm-up steps
 * @param seed            fixes initial weights, the scene stream and codebook restarts
 * @param restartEvery    steps between dead-code restarts (0 = never)
 * @param checkpointEvery steps between checkpoint writes when an output folder is given (0 = end only)
 * @param quantizerWarmupSteps steps trained on continuous vectors before quantization starts (SeTok
 *                        trains its selector and merger without VQ first); 0 for grid tokenizers
 * @param maxGradNorm     global gradient norm limit (0 = no clipping)
 */
public record TokenizerTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps,
                                      long seed, int restartEvery, int checkpointEvery, int quantizerWarmupSteps,
                                      double maxGradNorm) implements TrainingBudget<TokenizerTrainingConfig> {

    public TokenizerTrainingConfig {
        TrainingLimits.checkStepsAndBatch(steps, batchSize);
        if (!(learningRate >= 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in [0, 1), got " + learningRate);
        }
        if (warmupSteps < 0 || warmupSteps >= steps) {
            throw new IllegalArgumentException("warmupSteps must be in 0..steps-1, got " + warmupSteps);
        }
        if (restartEvery < 0) {
            throw new IllegalArgumentException("restartEvery must be >= 0 (0 = never), got " + restartEvery);
        }
        TrainingLimits.checkCheckpointEvery(checkpointEvery);
        if (!(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("maxGradNorm must be >= 0 (0 = no clipping), got " + maxGradNorm);
        }
        if (quantizerWarmupSteps < 0 || quantizerWarmupSteps >= steps) {
            throw new IllegalArgumentException("quantizerWarmupSteps must be in 0..steps-1, got " + quantizerWarmupSteps);
        }
    }

    /** The recipe of the shipped grid checkpoints ({@code vq-}, {@code rvq-}, {@code fsq-shapes64}): same budget for a fair comparison. */
    public static TokenizerTrainingConfig shapes64() {
        return new TokenizerTrainingConfig(1200, 32, 2e-3, 100, 7, 20, 200, 0, 0);
    }

    /** The recipe of the shipped {@code photo-64} checkpoint: crops of photographs; FSQ has no codes to restart. */
    public static TokenizerTrainingConfig photo64() {
        return new TokenizerTrainingConfig(3000, 32, 2e-3, 100, 7, 0, 250, 0, 1.0);
    }

    /** A few seconds of training for tests and demos. */
    public static TokenizerTrainingConfig smoke() {
        return new TokenizerTrainingConfig(40, 8, 3e-3, 5, 1, 10, 0, 0, 1.0);
    }

    /**
     * The recipe of the shipped {@code setok-shapes64} checkpoint: the first 300 steps without VQ;
     * a lower rate and gradient clipping keep the attention decoder stable.
     */
    public static TokenizerTrainingConfig setok64() {
        return new TokenizerTrainingConfig(1000, 32, 5e-4, 100, 7, 20, 200, 300, 1.0);
    }

    @Override
    public TokenizerTrainingConfig withSteps(int s) {
        return new TokenizerTrainingConfig(s, batchSize, learningRate, Math.min(warmupSteps, s - 1), seed,
                restartEvery, checkpointEvery, Math.min(quantizerWarmupSteps, s - 1), maxGradNorm);
    }

    @Override
    public TokenizerTrainingConfig withBatchSize(int b) {
        return new TokenizerTrainingConfig(steps, b, learningRate, warmupSteps, seed, restartEvery, checkpointEvery,
                quantizerWarmupSteps, maxGradNorm);
    }

    @Override
    public TokenizerTrainingConfig withCheckpointEvery(int every) {
        return new TokenizerTrainingConfig(steps, batchSize, learningRate, warmupSteps, seed, restartEvery, every,
                quantizerWarmupSteps, maxGradNorm);
    }

    @Override
    public TokenizerTrainingConfig withSeed(long s) {
        return new TokenizerTrainingConfig(steps, batchSize, learningRate, warmupSteps, s, restartEvery, checkpointEvery,
                quantizerWarmupSteps, maxGradNorm);
    }

    @Override
    public TokenizerTrainingConfig withLearningRate(double lr) {
        return new TokenizerTrainingConfig(steps, batchSize, lr, warmupSteps, seed, restartEvery, checkpointEvery,
                quantizerWarmupSteps, maxGradNorm);
    }

    public TokenizerTrainingConfig withQuantizerWarmup(int s) {
        return new TokenizerTrainingConfig(steps, batchSize, learningRate, warmupSteps, seed, restartEvery, checkpointEvery, s,
                maxGradNorm);
    }
}
