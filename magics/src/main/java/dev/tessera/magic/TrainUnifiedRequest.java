package dev.tessera.magic;

import dev.tessera.engine.train.ProgressListener;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModels;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainingResult;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code %tessera train unified [key=value ...]}: one call of {@link UnifiedModels#train}, with
 * a live output (progress bar and loss chart) updated in place while it runs. The kernel's
 * interrupt button stops it at the next step boundary; the checkpoint then holds every
 * finished step, the board says so, and {@code resume=true} continues it. The training runs on
 * a worker thread so that the Kotlin kernel's way of interrupting (stopping the cell's thread)
 * cannot cut a step or the final checkpoint short.
 */
public record TrainUnifiedRequest(UnifiedRun run) implements Magic {

    @Override
    public Object execute() {
        return execute(LiveDisplay.none());
    }

    @Override
    public Object execute(LiveDisplay display) {
        // a resumed run's chart starts with the steps already in its checkpoint
        List<StepLoss> history = new ArrayList<>(run.resume() && java.nio.file.Files.isRegularFile(
                run.out().resolve("history.json")) ? UnifiedCheckpoint.history(run.out()) : List.of());
        TrainingProgress[] latest = {null};
        int[] vocabulary = {0};
        return LiveTraining.run(display, new TrainingBoard(run.out(), null, history, false, false), "tessera-train-unified",
                (boards, stop) -> UnifiedModels.train(run, new ProgressListener() {
                    @Override
                    public void onVocabulary(int size) {
                        vocabulary[0] = size;
                    }

                    @Override
                    public void onProgress(TrainingProgress p) {
                        latest[0] = p;
                        history.add(StepLoss.from(p));
                        boards.accept(new TrainingBoard(run.out(), p, history, false, false).withVocabularySize(vocabulary[0]));
                    }
                }, stop),
                result -> new TrainingBoard(run.out(), latest[0], result.history(), true, result.interrupted())
                        .withVocabularySize(vocabulary[0]));
    }

    @Override
    public String usage() {
        return TrainForm.UNIFIED.usage();
    }
}
