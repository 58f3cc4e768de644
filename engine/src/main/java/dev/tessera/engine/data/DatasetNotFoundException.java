package dev.tessera.engine.data;

/**
 * A data set that is not on this machine; the message lists where it was looked for and the
 * command that installs it.
 */
public class DatasetNotFoundException extends IllegalStateException {
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
