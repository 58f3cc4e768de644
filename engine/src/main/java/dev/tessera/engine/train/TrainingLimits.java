package dev.tessera.engine.train;

/**
 * The largest training runs Tessera accepts, shared by every training recipe (unified model,
 * tokenizers, scene judge). A typo such as {@code steps=1000000000000} or {@code batch=100000}
 * is refused with the valid range before any work starts, instead of running for days or
 * exhausting memory. The caps leave room for far longer runs than the shipped recipes
 * (at most 8000 steps of 64 scenes).
 */
public final class TrainingLimits {

    /** Most optimiser steps of one run. */
    public static final int MAX_STEPS = 1_000_000;

    /** Most sequences or scenes in one step's batch. */
    public static final int MAX_BATCH = 1024;

    private TrainingLimits() {
    }

    /** Refuses a step count or batch size outside 1..{@link #MAX_STEPS} / 1..{@link #MAX_BATCH}. */
    public static void checkStepsAndBatch(int steps, int batchSize) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in 1.." + MAX_STEPS + ", got " + steps);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be in 1.." + MAX_BATCH + ", got " + batchSize);
        }
    }

    /** Refuses a checkpoint interval outside 0..{@link #MAX_STEPS} (0 = only at the end). */
    public static void checkCheckpointEvery(int checkpointEvery) {
        if (checkpointEvery < 0 || checkpointEvery > MAX_STEPS) {
            throw new IllegalArgumentException("checkpoint-every must be in 0.." + MAX_STEPS
                    + " steps (0 = only at the end), got " + checkpointEvery);
        }
    }
}
