package dev.tessera.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesCreatesFoldersAndReplaces() throws Exception {
        Path p = dir.resolve("a/b/c.bin");
        AtomicFile.write(p, new byte[] {1, 2});
        AtomicFile.write(p, new byte[] {3});
        assertThat(Files.readAllBytes(p)).containsExactly(3);
        try (var s = Files.list(p.getParent())) {
            assertThat(s).hasSize(1);
        }
    }

    @Test
    void aFailureLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("codes.npy");
        Files.write(target, new byte[] {9});
        Files.createDirectories(dir.resolve("blocked"));
        Files.writeString(dir.resolve("blocked/x"), "a non-empty folder cannot be replaced by a file");
        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("blocked"), new byte[] {1}))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("previous file, if any, is unchanged");
        assertThat(Files.readAllBytes(target)).containsExactly(9);
        try (var s = Files.list(dir)) {
            assertThat(s.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("codes.npy", "blocked");
        }
    }
}
