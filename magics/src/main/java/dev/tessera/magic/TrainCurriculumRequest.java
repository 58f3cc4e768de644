package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.CurriculumRunner;
import dev.tessera.engine.curriculum.StageListener;
import dev.tessera.engine.curriculum.StageProgress;
import dev.tessera.engine.train.GuardReading;
import dev.tessera.engine.curriculum.CurriculumResult;
import dev.tessera.engine.curriculum.CurriculumRun;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.train.TrainingProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %tessera train <curriculum> [stage=NAME] [key=value ...]}: one call of
 * {@link Curricula#train}, with the live board of the whole curriculum (its stages, every task's
 * loss) redrawn in place. Running the same line again with the same {@code out=} folder resumes it.
 */
public record TrainCurriculumRequest(CurriculumRun run) implements Magic {

    @Override
    public Object execute() {
        return execute(LiveDisplay.none());
    }

    @Override
    public Object execute(LiveDisplay display) {
        List<TrainingBoard.StageMark> marks = run.marks();
        List<StepLoss> history = new ArrayList<>(run.historySoFar());
        List<GuardReading> guard = new ArrayList<>(CurriculumRunner.readings(run.folder()));
        TrainingProgress[] latest = {null};
        int[] vocabulary = {0};  // the stage's: binding a new task tag adds one id
        return LiveTraining.run(display, new TrainingBoard(run.folder(), null, history, marks, false, false, guard),
                "tessera-train-curriculum",
                (boards, stop) -> Curricula.train(run, new StageListener() {
                    @Override
                    public void onProgress(StageProgress p) {
                        TrainingProgress overall = new TrainingProgress(p.overallStep(), p.total(), p.progress().loss(),
                                p.progress().parts(), p.progress().stepsPerSecond(), p.progress().elapsedSeconds(),
                                p.progress().tokensPerSecond(), p.progress().skippedSteps());
                        latest[0] = overall;
                        history.add(StepLoss.from(overall));
                        boards.accept(new TrainingBoard(run.folder(), overall, history, marks, false, false, guard,
                                vocabulary[0]));
                    }

                    @Override
                    public void onVocabulary(int size) {
                        vocabulary[0] = size;
                    }

                    @Override
                    public void onGuard(GuardReading reading) {
                        guard.add(reading);
                        boards.accept(new TrainingBoard(run.folder(), latest[0], history, marks, false, false, guard,
                                vocabulary[0]));
                    }
                }, stop, Map.of("command", "%tessera train " + run.curriculum().name() + " out=" + run.folder())),
                (CurriculumResult r) -> new TrainingBoard(run.folder(), latest[0], history, marks, true, r.interrupted(),
                        r.guard(), vocabulary[0]));
    }

    @Override
    public String usage() {
        return TrainForm.CURRICULUM.usage();
    }
}
