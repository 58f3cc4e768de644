package dev.tessera.engine.data;

import java.nio.file.Path;

/**
 * A file an {@link ImageFolder} read did not use, and why: so a researcher can see what is
 * missing from a data set instead of finding out from its size.
 *
 * @param path   the file or folder
 * @param reason the problem and its fix, e.g. the {@link dev.tessera.engine.io.ImageFileException} message
 */
public record SkippedFile(Path path, String reason) {

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
