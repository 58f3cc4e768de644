package dev.tessera.engine.train;

/**
 * A training whose loss became NaN or infinite. Thrown before anything is written, so the
 * last checkpoint on disk (from a finite step) stays intact; the message names it and the fix.
 */
public class TrainingDivergedException extends IllegalStateException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
