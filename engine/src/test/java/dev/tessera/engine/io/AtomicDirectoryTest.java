package dev.tessera.engine.io;

import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TokenizerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a killed write leaves beside a folder, how it is still read, and that the next write tidies up. */
class AtomicDirectoryTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void write(Path target, String text) {
        AtomicDirectory.write(target, d -> Files.writeString(d.resolve("a.txt"), text));
    }

    @Test
    void theNextWriteDeletesWhatKilledWritesLeftBehind() throws Exception {
        Path target = dir.resolve("ckpt");
        write(target, "one");
        Files.createDirectories(dir.resolve(".ckpt.tmp-abc1")).resolve("half").toFile().createNewFile();
        Files.createDirectories(dir.resolve(".ckpt.old-abc2"));
        Files.createDirectories(dir.resolve(".ckpt2.tmp-abc3")); // another folder's: not ours to delete
        Files.createDirectories(dir.resolve(".ckpt.tmp-x.tmp-abc4")); // the temp folder of a folder named ".ckpt.tmp-x"
        write(target, "two");
        assertThat(names()).containsExactly(".ckpt.tmp-x.tmp-abc4", ".ckpt2.tmp-abc3", "ckpt");
        assertThat(target.resolve("a.txt")).hasContent("two");
    }

    @Test
    void aFailedWriteLeavesThePreviousFolderAndNoTempFolder() throws Exception {
        Path target = dir.resolve("ckpt");
        write(target, "one");
        assertThatThrownBy(() -> AtomicDirectory.write(target, d -> {
            Files.writeString(d.resolve("a.txt"), "half");
            throw new IOException("disk full");
        })).hasMessageContaining("disk full").hasMessageContaining("the previous contents, if any, are unchanged");
        assertThat(names()).containsExactly("ckpt");
        assertThat(target.resolve("a.txt")).hasContent("one");
    }

    @Test
    void aFolderSetAsideByAWriteKilledBetweenItsRenamesIsStillRead() throws Exception {
        Path target = dir.resolve("tok");
        try (GridTokenizer t = GridTokenizer.create("tok", TokenizerConfig.tiny(), 1)) {
            TokenizerCheckpoint.save(t, target, Map.of());
        }
        Map<String, byte[]> before = CheckpointFixtures.snapshot(target);
        // the state a kill -9 between the two renames leaves: no folder, the previous one aside, the new one in .tmp-
        Files.move(target, dir.resolve(".tok.old-k1"));
        Files.createDirectories(dir.resolve(".tok.tmp-k1")).resolve("config.json").toFile().createNewFile();
        String err = CheckpointFixtures.stderrOf(() -> {
            assertThat(AtomicDirectory.readable(target)).isEqualTo(dir.resolve(".tok.old-k1"));
            TokenizerCheckpoint.load(target).close();
        });
        assertThat(err).contains(target + " is missing; reading the previous version");
        assertThat(names()).containsExactly(".tok.old-k1", ".tok.tmp-k1");
        try (GridTokenizer t = TokenizerCheckpoint.load(target, GridTokenizer.class)) {
            TokenizerCheckpoint.save(t, target, Map.of());
        }
        assertThat(names()).containsExactly("tok");
        assertThat(CheckpointFixtures.snapshot(target).get("weights.params")).isEqualTo(before.get("weights.params"));
    }

    @Test
    void withoutAnythingSetAsideAMissingFolderIsJustMissing() {
        assertThat(AtomicDirectory.readable(dir.resolve("nope"))).isEqualTo(dir.resolve("nope"));
        assertThatThrownBy(() -> TokenizerCheckpoint.load(dir.resolve("nope"))).hasMessageContaining("no tokenizer checkpoint at");
    }
}
