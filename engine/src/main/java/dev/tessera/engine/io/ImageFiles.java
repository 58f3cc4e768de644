package dev.tessera.engine.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads user image files safely: the header is checked before any pixel is decoded, so a
 * decompression bomb (a small file declaring a huge image) is refused without allocating it.
 * Every failure is an {@link ImageFileException} whose message names the problem and the fix.
 *
 * <p>JPEGs go through TwelveMonkeys' JPEG plugin (it registers itself with ImageIO from the
 * classpath and takes precedence): it converts CMYK and YCCK JPEGs (print workflows, Photoshop)
 * through their embedded ICC profiles and reads the slightly malformed JPEGs some cameras write,
 * on which the JDK's own reader fails. A truncated file, which it decodes with a warning and grey
 * rows, is refused here as broken.
 */
public final class ImageFiles {

    /** Largest accepted pixel count (64 megapixels, about 256 MB decoded as ARGB). */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    /** Largest accepted file (256 MB): a bigger one is refused before it is read into memory. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

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
            checkSize(path.toString(), Files.size(path));
        } catch (IOException e) {
            throw new ImageFileException("cannot read " + path + ": " + e.getMessage());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            return decode(in, path.toString());
        } catch (IOException e) {
            throw broken(path.toString(), e);
        }
    }

    /**
     * Decodes the bytes of an image file read elsewhere (a Spark row, an archive), with the same
     * checks and messages as {@link #read(Path)}; {@code name} says where the bytes came from.
     */
    public static BufferedImage read(byte[] content, String name) {
        checkSize(name, content.length);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            return decode(in, name);
        } catch (IOException e) {
            throw broken(name, e);
        }
    }

    /** Refuses an empty file or one over {@link #MAX_BYTES} before its bytes are read. */
    public static void checkSize(String name, long bytes) {
        if (bytes == 0) {
            throw new ImageFileException(name + " is empty (0 bytes); save the image again");
        }
        if (bytes > MAX_BYTES) {
            throw new ImageFileException(name + " is " + bytes / (1024 * 1024) + " MB, over the " + MAX_BYTES / (1024 * 1024)
                    + " MB limit for one image file; downscale it first");
        }
    }

    private static BufferedImage decode(ImageInputStream in, String name) {
        try {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageFileException(name + " is not an image Tessera can read; use PNG, JPEG, GIF or BMP");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
                    throw new ImageFileException(name + " declares " + w + "x" + h + " pixels, more than the "
                            + MAX_PIXELS / (1024 * 1024) + " megapixel limit; downscale it first");
                }
                List<String> cut = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (truncation(warning)) {
                        cut.add(warning);
                    }
                });
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new ImageFileException(name + " holds no image frame");
                }
                if (!cut.isEmpty()) {
                    // a lenient reader (TwelveMonkeys' JPEG) fills the missing rows with grey and only warns
                    throw new ImageFileException(name + " is broken or truncated (" + cut.get(0) + "); re-export it as PNG");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (ImageFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw broken(name, e);
        }
    }

    /** A reader's warning that the data ended before the image did. */
    private static boolean truncation(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
        return w.contains("premature end") || w.contains("truncat") || w.contains("end of file") || w.contains("eof");
    }

    private static ImageFileException broken(String name, Exception e) {
        return new ImageFileException(name + " is broken or truncated (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); re-export it as PNG");
    }
}
