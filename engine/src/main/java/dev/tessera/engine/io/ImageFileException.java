package dev.tessera.engine.io;

/** An image file that cannot be used; the message names the problem and the fix. */
public class ImageFileException extends IllegalArgumentException {
    public ImageFileException(String message) {
        super(message);
    }
}
