package dev.tessera.engine.curriculum;

/** Hears every step of a curriculum run. */
@FunctionalInterface
public interface StageListener {

    void onProgress(StageProgress progress);

    /** As {@link dev.tessera.engine.train.ProgressListener#onVocabulary}, before each stage's first step (by default ignored). */
    default void onVocabulary(int size) {
    }

    /** A reading of the curriculum's text guard, at a stage boundary (by default ignored). */
    default void onGuard(dev.tessera.engine.train.GuardReading reading) {
    }

    static StageListener none() {
        return p -> { };
    }
}
