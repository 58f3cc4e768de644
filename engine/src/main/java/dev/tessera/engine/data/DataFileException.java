package dev.tessera.engine.data;

/**
 * A data file that cannot be used (bad magic number, truncated, sizes that disagree); the
 * message names the file, the problem and the fix.
 */
public class DataFileException extends IllegalArgumentException {
    public DataFileException(String message) {
        super(message);
    }
}
