package dev.tessera.magic;

import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.StepLoss;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModels;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainingResult;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code %tessera train unified [key=value ...]}: one call of {@link UnifiedModels#train}, with
 * a live output (progress bar and loss chart) updated in place while it runs. The kernel's
 * interrupt button stops it at the next step boundary; the checkpoint then holds every
 * finished step and {@code resume=true} continues it.
 */
public record TrainUnifiedRequest(UnifiedRun run) implements Magic {

    static final String USAGE = "Usage: %tessera train unified [key=value ...]\n"
            + "  preset=small|tiny|gpu        model size (default small: width 192, 4 layers)\n"
            + "  embedding=joint-embedding|unified-codebook   TEAL joint embedding (default) or UniCode tied codebook\n"
            + "  freeze-text=false|true       keep text embeddings fixed (TEAL)\n"
            + TrainSettings.recipeUsage()
            + "  weighting=token|example      loss per target token (default) or per sequence, however long its target\n"
            + "  out=FOLDER                   checkpoint folder (default runs/unified-<date-time>); later magics take\n"
            + "                               --model FOLDER, or --model last for the model trained last\n"
            + "  resume=true                  continue the checkpoint in out= with its own recipe";

    /** Longest gap between two live updates, so a fast run does not flood the notebook. */
    static final long UPDATE_MILLIS = 700;

    @Override
    public Object execute() {
        return execute(LiveDisplay.none());
    }

    @Override
    public Object execute(LiveDisplay display) {
        String id = "tessera-train-" + UUID.randomUUID();
        // a resumed run's chart starts with the steps already in its checkpoint
        List<StepLoss> history = new ArrayList<>(run.resume() && java.nio.file.Files.isRegularFile(
                run.out().resolve("history.json")) ? UnifiedCheckpoint.history(run.out()) : List.of());
        display.show(new TrainingBoard(run.out(), null, history, false, false), id);
        long[] last = {0};
        TrainingProgress[] latest = {null};
        UnifiedTrainingResult result = UnifiedModels.train(run, p -> {
            latest[0] = p;
            history.add(new StepLoss(p.step(), p.loss(), p.parts().getOrDefault("text", Double.NaN),
                    p.parts().getOrDefault("image", Double.NaN)));
            long now = System.currentTimeMillis();
            if (now - last[0] >= UPDATE_MILLIS || p.step() == p.totalSteps()) {
                last[0] = now;
                display.update(new TrainingBoard(run.out(), p, history, false, false), id);
            }
        }, new TrainingStop());
        TrainingBoard done = new TrainingBoard(run.out(), latest[0], result.history(), true, result.interrupted());
        display.update(done, id);
        return result;
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
