package dev.tessera.engine.io;

import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code kill -9} during a checkpoint write: a separate JVM ({@link CheckpointWriterMain}) trains
 * with a checkpoint every two steps; its first checkpoint completes, its second write is held
 * half done by {@link WriteHold}; the test copies the folder, kills the JVM with SIGKILL and
 * checks that the previous checkpoint is bit for bit what it was, passes its hash check, loads,
 * and that the next write clears what the killed one left behind.
 */
class CheckpointKillIT {

    @TempDir
    Path dir;

    /** What the killed process left: the held write's marker lines and the folder before the kill. */
    private record Killed(Path folder, List<String> marker, Map<String, byte[]> before) {

        Path tmp() {
            return Path.of(marker.get(2));
        }
    }

    /**
     * Starts the writer, waits for its write held in {@code phase}, copies the previous checkpoint
     * (the folder, or what the held write set aside) and kills the writer with SIGKILL.
     */
    private Killed killDuringWrite(String kind, String phase) throws Exception {
        Path folder = dir.resolve("ckpt");
        Path marker = dir.resolve("marker");
        Path log = dir.resolve("writer.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-D" + WriteHold.PROPERTY + "=" + marker,
                "-D" + WriteHold.AT + "=" + phase, "-cp", System.getProperty("java.class.path"),
                CheckpointWriterMain.class.getName(), kind, folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("TESSERA_THREADS", "1");
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.exists(marker)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    fail("the writer " + (p.isAlive() ? "did not hold a write within 90 s" : "exited with " + p.exitValue())
                            + ":\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            List<String> lines = Files.readAllLines(marker);
            assertThat(lines.get(0)).isEqualTo(phase);
            assertThat(lines.get(1)).isEqualTo(folder.toAbsolutePath().toString());
            // provably half done: the new files are in the temporary folder, the rename has not happened
            assertThat(lines.subList(3, lines.size())).contains("config.json");
            assertThat(Path.of(lines.get(2))).isDirectory();
            assertThat(p.isAlive()).isTrue();
            Path previous = WriteHold.SET_ASIDE.equals(phase) ? AtomicDirectory.leftovers(folder.toAbsolutePath(), "old").get(0)
                    : folder;
            Map<String, byte[]> before = CheckpointFixtures.snapshot(previous);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
            return new Killed(folder, lines, before);
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * The one moment the folder does not exist (killed between the two renames): the previous
     * checkpoint is set aside, bit-identical; returns where.
     */
    private static Path setAsideIntact(Killed k) throws IOException {
        assertThat(k.folder()).doesNotExist();
        Path aside = AtomicDirectory.leftovers(k.folder().toAbsolutePath(), "old").get(0);
        assertBitIdentical(aside, k.before());
        return aside;
    }

    private static void assertBitIdentical(Path folder, Map<String, byte[]> before) throws IOException {
        Map<String, byte[]> after = CheckpointFixtures.snapshot(folder);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String f : before.keySet()) {
            assertThat(after.get(f)).as(f).isEqualTo(before.get(f));
        }
        assertThat(CheckpointHashes.recorded(CheckpointFixtures.provenance(folder), folder.toString()))
                .isEqualTo(CheckpointHashes.of(folder));
    }

    private List<String> leftovers(Path folder) {
        return AtomicDirectory.leftovers(folder.toAbsolutePath(), "tmp|old").stream().map(p -> p.getFileName().toString())
                .toList();
    }

    @Test
    void aTokenizerKilledWhileWritingItsSecondCheckpointKeepsTheFirst() throws Exception {
        Killed k = killDuringWrite("tokenizer", WriteHold.WRITTEN);
        assertBitIdentical(k.folder(), k.before());
        assertThat(CheckpointFixtures.provenance(k.folder())).containsEntry("stepsDone", 2);
        // the killed write leaves its temporary folder; nothing else
        assertThat(leftovers(k.folder())).containsExactly(k.tmp().getFileName().toString());
        try (GridTokenizer t = TokenizerCheckpoint.load(k.folder(), GridTokenizer.class)) {
            assertThat(t.name()).isEqualTo("killed");
            TokenizerCheckpoint.save(t, k.folder(), CheckpointFixtures.provenance(k.folder()));
        }
        assertThat(leftovers(k.folder())).isEmpty();
        TokenizerCheckpoint.load(k.folder()).close();
    }

    @Test
    void aTokenizerKilledBetweenTheTwoRenamesStillLoadsTheFirst() throws Exception {
        Killed k = killDuringWrite("tokenizer", WriteHold.SET_ASIDE);
        Path aside = setAsideIntact(k);
        assertThat(CheckpointFixtures.provenance(aside)).containsEntry("stepsDone", 2);
        String err = CheckpointFixtures.stderrOf(() -> {
            try (GridTokenizer t = TokenizerCheckpoint.load(k.folder(), GridTokenizer.class)) {
                assertThat(t.name()).isEqualTo("killed");
                TokenizerCheckpoint.save(t, k.folder(), Map.of("stepsDone", 2));
            }
        });
        assertThat(err).contains("is missing; reading the previous version");
        assertThat(leftovers(k.folder())).isEmpty();
        TokenizerCheckpoint.load(k.folder()).close();
    }

    @Test
    void aUnifiedRunKilledWhileWritingItsSecondCheckpointKeepsTheFirstAndResumes() throws Exception {
        Killed k = killDuringWrite("unified", WriteHold.WRITTEN);
        assertBitIdentical(k.folder(), k.before());
        assertThat(k.before()).containsKey("optimizer.params");
        assertThat(leftovers(k.folder())).containsExactly(k.tmp().getFileName().toString());
        UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(k.folder());
        assertThat(loaded.step()).isEqualTo(2);
        try (UnifiedModel m = loaded.model(); UnifiedTrainer t = UnifiedTrainer.resume(loaded, CheckpointWriterMain.UNIFIED)) {
            assertThat(t.checkpointTo(k.folder(), UnifiedCheckpoint.provenance(k.folder())).run().steps()).isEqualTo(6);
        }
        assertThat(leftovers(k.folder())).isEmpty();
        UnifiedCheckpoint.Loaded done = UnifiedCheckpoint.load(k.folder());
        try (UnifiedModel m = done.model()) {
            assertThat(done.step()).isEqualTo(6);
            assertThat(CheckpointHashes.recorded(UnifiedCheckpoint.provenance(k.folder()), "done"))
                    .isEqualTo(CheckpointHashes.of(k.folder()));
        }
    }

    @Test
    void aUnifiedRunKilledBetweenTheTwoRenamesResumesFromTheSetAsideCheckpoint() throws Exception {
        Killed k = killDuringWrite("unified", WriteHold.SET_ASIDE);
        setAsideIntact(k);
        assertThat(k.before()).containsKey("optimizer.params");
        String err = CheckpointFixtures.stderrOf(() -> {
            UnifiedCheckpoint.Loaded loaded = UnifiedCheckpoint.load(k.folder());
            assertThat(loaded.step()).isEqualTo(2);
            try (UnifiedModel m = loaded.model();
                 UnifiedTrainer t = UnifiedTrainer.resume(loaded, CheckpointWriterMain.UNIFIED)) {
                assertThat(t.checkpointTo(k.folder(), Map.of("stepsDone", 2)).run().steps()).isEqualTo(6);
            }
        });
        assertThat(err).contains("is missing; reading the previous version");
        assertThat(leftovers(k.folder())).isEmpty();
        UnifiedCheckpoint.Loaded done = UnifiedCheckpoint.load(k.folder());
        try (UnifiedModel m = done.model()) {
            assertThat(done.step()).isEqualTo(6);
        }
    }
}
