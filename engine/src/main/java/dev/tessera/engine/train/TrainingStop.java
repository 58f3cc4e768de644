package dev.tessera.engine.train;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running training to stop at the next step boundary. A thread interrupt (what the
 * notebook's interrupt button sends) has the same effect; either way the trainer writes its
 * checkpoint before returning, so no finished step is lost.
 */
public final class TrainingStop {

    private final AtomicBoolean requested = new AtomicBoolean();

    /** Requests the stop; safe from any thread. */
    public void request() {
        requested.set(true);
    }

    /** True once a stop was requested or the training thread was interrupted. */
    public boolean requested() {
        return requested.get() || Thread.currentThread().isInterrupted();
    }

    /**
     * Runs {@code work} (a checkpoint write) with the thread's interrupt flag cleared, then sets
     * the flag again if it was set: file channels close themselves on an interrupted thread, which
     * would turn the interrupt that stopped a training into a failed final checkpoint.
     */
    public static void uninterrupted(Runnable work) {
        boolean interrupted = Thread.interrupted();
        try {
            work.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
