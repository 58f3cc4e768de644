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
 * @param objects         the objects per training scene, e.g. {@code [2, 3]} for a stage on busier
 *                        scenes (curriculum learning); null means the model's own range
 * @param alignment       how the image tokenizer takes part: frozen (null, as in older checkpoints) or
 *                        trained with UniCode's codebook alignment ({@link CodebookAlignment})
 */
public record UnifiedTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, double weightDecay,
                                    double maxGradNorm, long seed, int checkpointEvery, TaskMix mix,
                                    LossWeighting weighting, List<String> trainable, ObjectRange objects,
                                    CodebookAlignment alignment)
        implements dev.tessera.engine.train.TrainingBudget<UnifiedTrainingConfig> {

    /**
     * How many objects a training scene holds, within the 1..4 scenes can have.
     *
     * @param min fewest objects
     * @param max most objects
     */
    public record ObjectRange(int min, int max) {

        public ObjectRange {
            if (min < 1 || max > 4 || min > max) {
                throw new IllegalArgumentException("objects per scene must satisfy 1 <= min <= max <= 4, got " + min + ".." + max);
            }
        }
    }

    public UnifiedTrainingConfig {
        if (weighting == null) {
            weighting = LossWeighting.TOKEN;
        }
        trainable = trainable == null ? List.of() : List.copyOf(trainable);
        if (alignment == null) {
            alignment = CodebookAlignment.frozen();
        }
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
                List.of(), null, null);
    }

    /** A config that trains the weights {@code trainable} names, on the model's own scenes. */
    public UnifiedTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, double weightDecay,
                                 double maxGradNorm, long seed, int checkpointEvery, TaskMix mix, LossWeighting weighting,
                                 List<String> trainable) {
        this(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed, checkpointEvery, mix, weighting,
                trainable, null, null);
    }

    /** A config that trains the weights {@code trainable} names on scenes of {@code objects}, tokenizer frozen. */
    public UnifiedTrainingConfig(int steps, int batchSize, double learningRate, int warmupSteps, double weightDecay,
                                 double maxGradNorm, long seed, int checkpointEvery, TaskMix mix, LossWeighting weighting,
                                 List<String> trainable, ObjectRange objects) {
        this(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed, checkpointEvery, mix, weighting,
                trainable, objects, null);
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

    @Override
    public UnifiedTrainingConfig withSteps(int s) {
        return new UnifiedTrainingConfig(s, batchSize, learningRate, Math.min(warmupSteps, s - 1), weightDecay, maxGradNorm,
                seed, checkpointEvery, mix, weighting, trainable, objects, alignment);
    }

    @Override
    public UnifiedTrainingConfig withSeed(long s) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, s,
                checkpointEvery, mix, weighting, trainable, objects, alignment);
    }

    @Override
    public UnifiedTrainingConfig withBatchSize(int b) {
        return new UnifiedTrainingConfig(steps, b, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, trainable, objects, alignment);
    }

    @Override
    public UnifiedTrainingConfig withLearningRate(double lr) {
        return new UnifiedTrainingConfig(steps, batchSize, lr, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, trainable, objects, alignment);
    }

    @Override
    public UnifiedTrainingConfig withCheckpointEvery(int n) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed, n, mix, weighting, trainable, objects, alignment);
    }

    public UnifiedTrainingConfig withWeighting(LossWeighting w) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, w, trainable, objects, alignment);
    }

    public UnifiedTrainingConfig withMix(TaskMix m) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, m, weighting, trainable, objects, alignment);
    }

    public UnifiedTrainingConfig withTrainable(List<String> groups) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, groups, objects, alignment);
    }

    /** This recipe on scenes of {@code min..max} objects (its own data range for a stage). */
    public UnifiedTrainingConfig withObjects(int min, int max) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, trainable, new ObjectRange(min, max), alignment);
    }

    /** This recipe with the image tokenizer taking part as {@code a} says (UniCode's alignment). */
    public UnifiedTrainingConfig withAlignment(CodebookAlignment a) {
        return new UnifiedTrainingConfig(steps, batchSize, learningRate, warmupSteps, weightDecay, maxGradNorm, seed,
                checkpointEvery, mix, weighting, trainable, objects, a);
    }
}
