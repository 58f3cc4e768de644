package dev.tessera.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a folder of files so that readers see either the old folder or the complete new
 * one, never a half-written mix: everything goes to a temporary sibling first, which is then
 * renamed into place. A failure while writing leaves the previous folder untouched.
 */
public final class AtomicDirectory {

    /** Writes the files of a folder under construction. */
    @FunctionalInterface
    public interface Writer {
        void write(Path folder) throws IOException;
    }

    private AtomicDirectory() {
    }

    /** Replaces {@code target} with the folder that {@code writer} fills. */
    public static void write(Path target, Writer writer) {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        String stamp = Long.toString(System.nanoTime(), 36);
        Path tmp = parent.resolve("." + abs.getFileName() + ".tmp-" + stamp);
        Path old = parent.resolve("." + abs.getFileName() + ".old-" + stamp);
        try {
            Files.createDirectories(parent);
            Files.createDirectory(tmp);
            writer.write(tmp);
            boolean hadOld = Files.exists(abs);
            if (hadOld) {
                AtomicFile.move(abs, old);
            }
            AtomicFile.move(tmp, abs);
            if (hadOld) {
                deleteTree(old);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("could not write " + abs + ": " + e.getMessage()
                    + " (the previous contents, if any, are unchanged)", e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException ignored) {
            // best effort: a stray temp folder is harmless and named as such
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
