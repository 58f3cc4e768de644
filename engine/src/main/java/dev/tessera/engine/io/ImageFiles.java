package dev.tessera.engine.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads user image files safely: the header is checked before any pixel is decoded, so a
 * decompression bomb (a small file declaring a huge image) is refused without allocating it.
 * Every failure is an {@link ImageFileException} whose message names the problem and the fix.
 */
public final class ImageFiles {

    /** Largest accepted pixel count (64 megapixels, about 256 MB decoded as ARGB). */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    private ImageFiles() {
    }

    /** Decodes PNG, JPEG, GIF or BMP (first frame); throws {@link ImageFileException} for anything else. */
    public static BufferedImage read(Path path) {
        if (!Files.exists(path)) {
            throw new ImageFileException("no file at " + path.toAbsolutePath()
                    + "; check the path (relative paths start at the notebook's folder)");
        }
        if (Files.isDirectory(path)) {
            throw new ImageFileException(path + " is a folder, not an image file; name one PNG, JPEG, GIF or BMP file");
        }
        try {
            if (Files.size(path) == 0) {
                throw new ImageFileException(path + " is empty (0 bytes); save the image again");
            }
        } catch (IOException e) {
            throw new ImageFileException("cannot read " + path + ": " + e.getMessage());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageFileException(path + " is not an image Tessera can read; use PNG, JPEG, GIF or BMP");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
                    throw new ImageFileException(path + " declares " + w + "x" + h + " pixels, more than the "
                            + MAX_PIXELS / (1024 * 1024) + " megapixel limit; downscale it first");
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new ImageFileException(path + " holds no image frame");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (ImageFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageFileException(path + " is broken or truncated (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); re-export it as PNG");
        }
    }
}
