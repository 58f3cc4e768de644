package dev.tessera.engine.curriculum;

/** Hears every step of a curriculum run. */
@FunctionalInterface
public interface StageListener {

    void onProgress(StageProgress progress);

    /** A reading of the curriculum's text guard, at a stage boundary (by default ignored). */
    default void onGuard(dev.tessera.engine.train.GuardReading reading) {
    }

    static StageListener none() {
        return p -> { };
    }
}
