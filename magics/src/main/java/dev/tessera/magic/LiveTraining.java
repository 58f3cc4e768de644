package dev.tessera.magic;

import dev.tessera.engine.train.LiveBoard;
import dev.tessera.engine.train.TrainingStop;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a training on a worker thread while the cell's thread shows its board ({@link LiveBoard})
 * live, redrawn in place at most every {@value #UPDATE_MILLIS} ms. The Kotlin kernel's interrupt
 * button stops the cell's thread ({@link Thread#stop}), which would abandon a step halfway and
 * skip the final checkpoint; so the training runs on its own thread, and an interrupt of the
 * cell's thread only requests the stop: the worker finishes the current step, writes its
 * checkpoint, and then the cell ends as the interrupt meant it to.
 */
final class LiveTraining {

    /** Longest gap between two live updates, so a fast run does not flood the notebook. */
    static final long UPDATE_MILLIS = 700;

    /** The training: reports boards to {@code boards}, stops on {@code stop}, returns its result. */
    interface Work<B extends LiveBoard, R> {
        R run(Consumer<B> boards, TrainingStop stop);
    }

    private LiveTraining() {
    }

    /**
     * Shows {@code first}, runs {@code work} on a worker named {@code thread}, shows its boards,
     * and finally {@code last} of its result; returns the result, or rethrows what the training
     * threw or what interrupted the cell.
     */
    static <B extends LiveBoard, R> R run(LiveDisplay display, B first, String thread, Work<B, R> work, Function<R, B> last) {
        String id = "tessera-train-" + UUID.randomUUID();
        display.show(first, id);
        TrainingStop stop = new TrainingStop();
        AtomicReference<B> pending = new AtomicReference<>();  // the newest board not shown yet
        CompletableFuture<R> training = new CompletableFuture<>();
        long[] shown = {0};
        Thread worker = new Thread(() -> {
            try {
                training.complete(work.run(board -> {
                    long now = System.currentTimeMillis();
                    var p = board.latest();
                    if (now - shown[0] >= UPDATE_MILLIS || (p != null && p.step() == p.totalSteps())) {
                        shown[0] = now;
                        pending.set(board);
                    }
                }, stop));
            } catch (Throwable t) {
                training.completeExceptionally(t);
            }
        }, thread);
        worker.start();
        Throwable interrupt = await(training, pending, stop, display, id);
        R result;
        try {
            result = training.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        display.update(last.apply(result), id);
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
     * Shows the worker's boards until the training has returned; an interrupt of this thread (a
     * {@link ThreadDeath} or an {@link InterruptedException}; anything else thrown here, too) only
     * requests the stop. The loop takes no locks (sleep and atomic reads only): a
     * {@link ThreadDeath} thrown inside lock code leaves the lock broken. Returns what
     * interrupted the wait, or null.
     */
    private static <B extends LiveBoard> Throwable await(CompletableFuture<?> training, AtomicReference<B> pending, TrainingStop stop,
                                   LiveDisplay display, String id) {
        Throwable interrupt = null;
        while (true) {
            try {
                while (!training.isDone()) {
                    Thread.sleep(50);
                    B board = pending.getAndSet(null);
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
}
