package dev.tessera.engine.curriculum;

import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.unified.UnifiedCheckpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A curriculum run as a user asks for it: the curriculum (already cut to the stages to run and
 * given any budget overrides) and the folder it trains in. Running it again with the same folder
 * resumes it.
 *
 * @param curriculum what to train
 * @param folder     where: the curriculum's JSON and one checkpoint folder per stage
 */
public record CurriculumRun(Curriculum curriculum, Path folder) {

    public CurriculumRun {
        if (curriculum == null || folder == null) {
            throw new IllegalArgumentException("a curriculum run needs its curriculum and its folder");
        }
    }

    /** The stages as a board shows them: each with the steps before it. */
    public List<TrainingBoard.StageMark> marks() {
        List<TrainingBoard.StageMark> marks = new ArrayList<>();
        int offset = 0;
        for (Stage s : curriculum.stages()) {
            marks.add(new TrainingBoard.StageMark(s.name(), offset, s.training().steps()));
            offset += s.training().steps();
        }
        return marks;
    }

    /**
     * The losses already in the folder's stage checkpoints (a run being resumed), numbered across
     * stages; empty for a new run.
     */
    public List<StepLoss> historySoFar() {
        List<StepLoss> out = new ArrayList<>();
        List<TrainingBoard.StageMark> marks = marks();
        for (int i = 0; i < marks.size(); i++) {
            Path stage = CurriculumRunner.stageFolder(folder, curriculum, i);
            if (!Files.isRegularFile(stage.resolve("history.json"))) {
                break;
            }
            int offset = marks.get(i).offset();
            for (StepLoss s : UnifiedCheckpoint.history(stage)) {
                out.add(new StepLoss(offset + s.step(), s.loss(), s.textNll(), s.imageNll(), s.tasks()));
            }
        }
        return out;
    }
}
