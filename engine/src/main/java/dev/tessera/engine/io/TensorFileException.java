package dev.tessera.engine.io;

/**
 * A {@code .npy} or {@code .safetensors} file that cannot be read; the message names the
 * file, what is wrong with it and how to write it so Tessera can read it.
 */
public class TensorFileException extends IllegalArgumentException {
    public TensorFileException(String message) {
        super(message);
    }
}
