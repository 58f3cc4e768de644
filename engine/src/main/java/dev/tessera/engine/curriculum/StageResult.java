package dev.tessera.engine.curriculum;

import dev.tessera.engine.unified.UnifiedTrainingResult;

import java.nio.file.Path;

/**
 * How one stage of a curriculum run ended.
 *
 * @param name       the stage's name
 * @param checkpoint its checkpoint folder
 * @param training   this run's training of it, or null when an earlier run had finished it already
 */
public record StageResult(String name, Path checkpoint, UnifiedTrainingResult training) {

    /** True when this run trained (some of) the stage. */
    public boolean trainedNow() {
        return training != null;
    }
}
