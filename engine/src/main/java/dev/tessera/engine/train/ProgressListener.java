package dev.tessera.engine.train;

/** Receives progress of a training run; called on the training thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(TrainingProgress progress);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return p -> { };
    }
}
