package dev.tessera.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a folder of files so that readers see either the old folder or the complete new
 * one, never a half-written mix: everything goes to a temporary sibling {@code .NAME.tmp-STAMP}
 * first; then the previous folder is renamed aside to {@code .NAME.old-STAMP}, the new one is
 * renamed into place and the previous one deleted. A failure while writing leaves the previous
 * folder untouched.
 *
 * <p>A process killed outright ({@code kill -9}, a crash) cannot clean up, so:
 * <ul>
 *   <li>killed while writing: the previous folder is untouched and a {@code .tmp-} sibling is
 *       left behind;</li>
 *   <li>killed between the two renames: the folder is missing and the complete previous one sits
 *       in the {@code .old-} sibling; {@link #readable(Path)}, which every checkpoint loader uses,
 *       reads it from there;</li>
 *   <li>the next successful write of the same folder deletes every such leftover of it.</li>
 * </ul>
 * A folder has one writer at a time (two processes writing the same checkpoint folder at once
 * would each delete the other's temporary folder). {@link WriteHold} lets a test stop a write at
 * either moment and kill the JVM. Files are not forced to disk, so a power cut (not a killed
 * process) can still lose the newest write.
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
        String stamp = Long.toString(System.nanoTime() & Long.MAX_VALUE, 36);
        Path tmp = parent.resolve("." + abs.getFileName() + ".tmp-" + stamp);
        Path old = parent.resolve("." + abs.getFileName() + ".old-" + stamp);
        try {
            Files.createDirectories(parent);
            Files.createDirectory(tmp);
            writer.write(tmp);
            boolean hadOld = Files.exists(abs);
            WriteHold.at(WriteHold.WRITTEN, abs, tmp, hadOld);
            if (hadOld) {
                AtomicFile.move(abs, old);
            }
            WriteHold.at(WriteHold.SET_ASIDE, abs, tmp, hadOld);
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
        leftovers(abs, "tmp|old").forEach(AtomicDirectory::deleteQuietly);
    }

    /**
     * The folder to read {@code target} from: {@code target} itself, or, when a write was killed
     * between its two renames so that {@code target} is gone, the complete previous folder that
     * write had set aside (said in one warning line). Reading never renames or deletes anything;
     * the next write of {@code target} tidies up.
     */
    public static Path readable(Path target) {
        if (Files.exists(target)) {
            return target;
        }
        Path abs = target.toAbsolutePath();
        Path previous = leftovers(abs, "old").stream()
                .max(Comparator.comparingLong(p -> p.toFile().lastModified())).orElse(null);
        if (previous == null) {
            return target;
        }
        System.err.println("tessera: warning: " + target + " is missing; reading the previous version that an "
                + "interrupted write set aside in " + previous + " (the next write of " + target + " tidies up)");
        return previous;
    }

    /** The {@code .NAME.KIND-STAMP} siblings of {@code abs}, for KIND matching {@code kinds}. */
    static List<Path> leftovers(Path abs, String kinds) {
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        Pattern p = Pattern.compile("\\." + Pattern.quote(abs.getFileName().toString()) + "\\.(" + kinds + ")-[0-9a-z]+");
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(s -> p.matcher(s.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
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
