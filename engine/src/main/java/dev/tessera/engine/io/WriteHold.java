package dev.tessera.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test hook that lets a test kill a JVM in the middle of an {@link AtomicDirectory} write and
 * check what survives. When the system property {@value #PROPERTY} names a marker file, the first
 * write in the JVM that replaces an existing folder stops at the phase {@value #AT} names, writes
 * the marker and blocks for good, waiting for the test's {@code kill -9}:
 * <ul>
 *   <li>{@code written} (the default): every new file is in the temporary folder, nothing is
 *       renamed yet;</li>
 *   <li>{@code set-aside}: the previous folder has been renamed aside and the new one is not yet
 *       in place, the one moment the target folder does not exist.</li>
 * </ul>
 * The marker, written atomically, lists the phase, the target, the temporary folder and the
 * files in it, one per line, so the test can prove the write was half done. With the property
 * unset, as always outside such tests, the hook does nothing.
 */
final class WriteHold {

    /** The system property naming the marker file. */
    static final String PROPERTY = "tessera.test.holdCheckpointWrite";
    /** The system property naming the phase to hold at: {@code written} or {@code set-aside}. */
    static final String AT = "tessera.test.holdCheckpointWriteAt";
    static final String WRITTEN = "written";
    static final String SET_ASIDE = "set-aside";

    private static boolean held;

    private WriteHold() {
    }

    /** Holds here when the hook is armed for {@code phase} and this write replaces a folder. */
    static void at(String phase, Path target, Path tmp, boolean replacing) {
        String marker = System.getProperty(PROPERTY);
        if (marker == null || !replacing || !phase.equals(System.getProperty(AT, WRITTEN))) {
            return;
        }
        synchronized (WriteHold.class) {
            if (held) {
                return;
            }
            held = true;
        }
        List<String> lines = new ArrayList<>(List.of(phase, target.toString(), tmp.toString()));
        try (Stream<Path> files = Files.list(tmp)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(lines::add);
            AtomicFile.write(Path.of(marker), (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hold marker " + marker, e);
        }
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // held until killed: that is the point of the hook
            }
        }
    }
}
