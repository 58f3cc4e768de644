package dev.tessera.magic;

import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.train.TrainingBoard;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModels;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainingResult;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code %tessera train unified [key=value ...]}: one call of {@link UnifiedModels#train}, with
 * a live output (progress bar and loss chart) updated in place while it runs. The kernel's
 * interrupt button stops it at the next step boundary; the checkpoint then holds every
 * finished step, the board says so, and {@code resume=true} continues it. The training runs on
 * a worker thread so that the Kotlin kernel's way of interrupting (stopping the cell's thread)
 * cannot cut a step or the final checkpoint short.
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
        TrainingStop stop = new TrainingStop();
        AtomicReference<TrainingBoard> boards = new AtomicReference<>();  // the newest board not shown yet
        CompletableFuture<UnifiedTrainingResult> training = new CompletableFuture<>();
        long[] last = {0};
        TrainingProgress[] latest = {null};
        Thread worker = new Thread(() -> {
            try {
                training.complete(UnifiedModels.train(run, p -> {
                    latest[0] = p;
                    history.add(new StepLoss(p.step(), p.loss(), p.parts().getOrDefault("text", Double.NaN),
                            p.parts().getOrDefault("image", Double.NaN)));
                    long now = System.currentTimeMillis();
                    if (now - last[0] >= UPDATE_MILLIS || p.step() == p.totalSteps()) {
                        last[0] = now;
                        boards.set(new TrainingBoard(run.out(), p, history, false, false));
                    }
                }, stop));
            } catch (Throwable t) {
                training.completeExceptionally(t);
            }
        }, "tessera-train-unified");
        worker.start();
        Throwable interrupt = awaitTraining(training, boards, stop, display, id);
        UnifiedTrainingResult result;
        try {
            result = training.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        display.update(new TrainingBoard(run.out(), latest[0], result.history(), true, result.interrupted()), id);
        if (interrupt instanceof ThreadDeath death) {
            throw death;  // the cell ends as the kernel's interrupt ends it, now with its checkpoint written
        }
        if (interrupt instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        } else if (interrupt instanceof Error err) {
            throw err;
        } else if (interrupt instanceof RuntimeException e) {
            throw e;
        }
        return result;
    }

    /**
     * Shows the worker's boards until the training has returned. The Kotlin kernel's interrupt
     * button stops the cell's thread ({@link Thread#stop}), which would abandon a step halfway
     * and skip the final checkpoint; the training therefore runs on its own thread, and an
     * interrupt of this one (a {@link ThreadDeath} or an {@link InterruptedException}; anything
     * else thrown here, too) only requests the stop, so the worker finishes the current step and
     * writes its checkpoint. The loop takes no locks (sleep and atomic reads only): a
     * {@link ThreadDeath} thrown inside lock code leaves the lock broken. Returns what
     * interrupted the wait, or null.
     */
    private static Throwable awaitTraining(CompletableFuture<UnifiedTrainingResult> training,
                                           AtomicReference<TrainingBoard> boards, TrainingStop stop, LiveDisplay display,
                                           String id) {
        Throwable interrupt = null;
        while (true) {
            try {
                while (!training.isDone()) {
                    Thread.sleep(50);
                    TrainingBoard board = boards.getAndSet(null);
                    if (board != null) {
                        display.update(board, id);
                    }
                }
                return interrupt;
            } catch (Throwable e) {
                stop.request();
                if (!(interrupt instanceof ThreadDeath)) {
                    interrupt = e;  // the kernel's stop may also set the interrupt flag; the stop wins
                }
            }
        }
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
