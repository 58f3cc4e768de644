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
}
