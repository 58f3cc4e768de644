package dev.tessera.engine.data;

import dev.tessera.engine.io.ImageFiles;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * One photograph of the {@link PhotoCorpus}.
 *
 * @param id      package and path under the package's photo folder, e.g.
 *                {@code palapeli-data/citrus-fruits.jpg}: stable across machines, and what decides
 *                the split
 * @param pkg     the Debian package that ships it
 * @param path    the file on this machine
 * @param heldOut true when it is kept for evaluation (never cropped for training)
 */
public record Photo(String id, String pkg, Path path, boolean heldOut) {

    /** The decoded file, through the safe reader (decompression bombs refused from the header). */
    public BufferedImage read() {
        return ImageFiles.read(path);
    }
}
