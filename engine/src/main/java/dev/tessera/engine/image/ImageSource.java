package dev.tessera.engine.image;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where an image to tokenize comes from: a held-out synthetic scene ({@code sample:N}) or
 * a file. {@link #parse} is the one reader of the {@code sample:N | path} notation used by
 * magics and the command line.
 */
public sealed interface ImageSource {

    /** Held-out scene number {@code index} (never used in training). */
    record Sample(int index) implements ImageSource {
        public Sample {
            if (index < 0) {
                throw new IllegalArgumentException("sample index must be >= 0, got " + index);
            }
        }

        @Override
        public String toString() {
            return "sample:" + index;
        }
    }

    /** An image file (PNG, JPEG, GIF or BMP). */
    record File(Path path) implements ImageSource {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** {@code sample:N} gives a {@link Sample}; anything else is taken as a file path. */
    static ImageSource parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no image given: write sample:N (a held-out scene) or a file path");
        }
        if (t.startsWith("sample:")) {
            String n = t.substring("sample:".length());
            try {
                return new Sample(Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t + "' is not a sample: write sample:N with a whole number N >= 0, e.g. sample:3");
            }
        }
        try {
            return new File(Path.of(t));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + t + "' is not a file path this system accepts (" + e.getReason()
                    + "): write sample:N (a held-out scene) or the path of an image file", e);
        }
    }
}
