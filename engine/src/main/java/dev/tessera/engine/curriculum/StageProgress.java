package dev.tessera.engine.curriculum;

import dev.tessera.engine.train.TrainingProgress;

/**
 * A step of a curriculum: which stage runs, and its progress within that stage.
 *
 * @param stage    index of the stage (0-based)
 * @param name     the stage's name
 * @param stages   stages in the curriculum
 * @param offset   steps of the stages before this one: {@code offset + progress.step()} counts across stages
 * @param total    steps of the whole curriculum
 * @param progress the stage's own progress
 */
public record StageProgress(int stage, String name, int stages, int offset, int total, TrainingProgress progress) {

    /** Steps done across all stages. */
    public int overallStep() {
        return offset + progress.step();
    }

    @Override
    public String toString() {
        return "stage " + (stage + 1) + "/" + stages + " " + name + " · " + progress;
    }
}
