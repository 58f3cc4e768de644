package dev.tessera.engine.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * What every Tessera trainer is told from outside before it runs: who hears its progress, what
 * stops it, and where (with which provenance) its checkpoints go. Trainers extend it, so the
 * fluent setters read the same for the tokenizer, judge and unified trainers.
 *
 * @param <T> the trainer itself, returned by the setters
 */
public abstract class TrainingControls<T extends TrainingControls<T>> {

    protected ProgressListener listener = ProgressListener.none();
    protected TrainingStop stop = new TrainingStop();
    /** Checkpoint folder, or null to train without writing one. */
    protected Path checkpointFolder;
    protected Map<String, Object> provenance = Map.of();

    /** Receives a {@link TrainingProgress} after every step. */
    public T listener(ProgressListener l) {
        this.listener = l;
        return self();
    }

    /** Stops the run at the next step boundary when requested (a thread interrupt does too). */
    public T stop(TrainingStop s) {
        this.stop = s;
        return self();
    }

    /** Writes checkpoints to {@code folder} (every {@code checkpointEvery} steps and at the end). */
    public T checkpointTo(Path folder, Map<String, Object> provenanceRecord) {
        this.checkpointFolder = folder;
        this.provenance = provenanceRecord;
        return self();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
