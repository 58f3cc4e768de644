package dev.tessera.engine.curriculum;

import java.nio.file.Path;
import java.util.List;

/**
 * How a curriculum run ended: one result per stage reached, whether it stopped early, and the
 * checkpoint of the last stage reached.
 *
 * @param curriculum  the curriculum's name
 * @param folder      the run's folder (the curriculum's JSON and one checkpoint folder per stage)
 * @param stages      the stages reached, in order
 * @param interrupted true when a stop or interrupt ended it before the last stage's last step;
 *                    running it again with the same folder resumes where it stopped
 * @param guard       the readings of the curriculum's text guard, or empty without one
 */
public record CurriculumResult(String curriculum, Path folder, List<StageResult> stages, boolean interrupted,
                               List<dev.tessera.engine.train.GuardReading> guard) {

    public CurriculumResult {
        stages = List.copyOf(stages);
        guard = guard == null ? List.of() : List.copyOf(guard);
    }

    /** A result without guard readings. */
    public CurriculumResult(String curriculum, Path folder, List<StageResult> stages, boolean interrupted) {
        this(curriculum, folder, stages, interrupted, List.of());
    }

    /** The checkpoint of the last stage reached: the trained model when the run was not interrupted. */
    public Path lastCheckpoint() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1).checkpoint();
    }
}
