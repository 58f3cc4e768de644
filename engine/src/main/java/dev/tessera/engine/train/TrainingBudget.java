package dev.tessera.engine.train;

/**
 * The settings every trainer's recipe lets a user change without touching the rest: how long it
 * trains, on how much per step, how fast it learns, from which seed, and how often it saves. The
 * unified model's and the tokenizers' configs both have them, so one reader of {@code steps=},
 * {@code batch=}, {@code lr=}, {@code seed=} and {@code checkpoint-every=} serves both.
 *
 * @param <T> the recipe type itself, each setter returning a changed copy
 */
public interface TrainingBudget<T extends TrainingBudget<T>> {

    T withSteps(int steps);

    T withBatchSize(int batchSize);

    T withLearningRate(double learningRate);

    T withSeed(long seed);

    T withCheckpointEvery(int every);
}
