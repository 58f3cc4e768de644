package dev.tessera.engine.train;

/**
 * What a training shows while it runs, redrawn in place: {@link TrainingBoard} for the unified
 * model and curricula, {@link TokenizerBoard} for an image tokenizer. The live display paces its
 * redraws by the latest progress.
 */
public interface LiveBoard {

    /** The last progress report, or null before the first step. */
    TrainingProgress latest();
}
