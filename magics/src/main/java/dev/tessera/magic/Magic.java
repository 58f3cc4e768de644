package dev.tessera.magic;

/**
 * A parsed {@code %tessera} command: a typed request that carries out exactly one call of the
 * engine's public API and returns its result (never drawing anything itself).
 */
public interface Magic {

    /** Runs the engine call. Engine exceptions propagate; {@link Magics#run} turns them into {@link MagicError}s. */
    Object execute();

    /** Runs the engine call, showing progress on {@code display} if the command is a long one. */
    default Object execute(LiveDisplay display) {
        return execute();
    }

    /**
     * Usage of this command, shown with any error it raises: drawn from where its options are
     * declared (the picocli commands of {@link MagicParser}, the train keys of {@link TrainKey}),
     * never written out again.
     */
    String usage();
}
