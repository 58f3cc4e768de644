package dev.tessera.engine.unified;

import dev.tessera.engine.task.TaskBatch;

/**
 * The benchmark's door to {@link UnifiedTrainer}'s package-private step, so
 * {@code dev.tessera.bench.UnifiedBench} times the very code {@link UnifiedTrainer#run()} runs
 * rather than a copy of it. Lives in the bench module: not part of the engine's API.
 */
public final class TrainerSteps {

    private TrainerSteps() {
    }

    /** One optimizer step of {@code trainer} on {@code batch} at learning rate {@code lr}; null if skipped. */
    public static StepLoss step(UnifiedTrainer trainer, TaskBatch batch, double lr) {
        return trainer.trainStep(batch, lr);
    }
}
