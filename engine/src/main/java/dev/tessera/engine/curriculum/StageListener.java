package dev.tessera.engine.curriculum;

/** Hears every step of a curriculum run. */
@FunctionalInterface
public interface StageListener {

    void onProgress(StageProgress progress);

    static StageListener none() {
        return p -> { };
    }
}
