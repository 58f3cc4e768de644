package dev.tessera.engine.io;

/**
 * A checkpoint file is not the one its checkpoint was written with: changed, cut short, missing
 * or never recorded. The message names the file and the fix. An {@link IllegalArgumentException},
 * so the command line and the notebook report it as bad input in one line.
 */
public final class CheckpointIntegrityException extends IllegalArgumentException {

    public CheckpointIntegrityException(String message) {
        super(message);
    }
}
