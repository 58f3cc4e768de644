package dev.tessera.engine.train;

/** Receives progress of a training run; called on the training thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(TrainingProgress progress);

    /**
     * Once before the first step of a trainer whose model predicts ids: how many ids its output
     * chooses among. A guess spread evenly over them scores ln(size) nats, the reference a loss
     * chart draws (by default ignored).
     */
    default void onVocabulary(int size) {
    }

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return p -> { };
    }
}
