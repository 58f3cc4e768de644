package dev.tessera.engine.text;

/**
 * A text tokenizer that cannot be loaded or run (missing file, not JSON, a model this class
 * does not implement, a native failure); the message names the file, the problem and the fix.
 */
public class TextTokenizerException extends RuntimeException {

    public TextTokenizerException(String message) {
        super(message);
    }

    public TextTokenizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
