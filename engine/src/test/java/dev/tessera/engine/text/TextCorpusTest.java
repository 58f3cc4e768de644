package dev.tessera.engine.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextCorpusTest {

    @Test
    void entriesAreSplitAtPercentLinesJoinedAndStrippedOfOverstriking() {
        assertThat(TextCorpus.entries("A fool\nand his money\n%\nB\bBold  words\n\t-- someone\n%\n"))
                .containsExactly("A fool and his money", "Bold words -- someone");
        assertThat(TextCorpus.normalise("  x\u0007y \n ")).isEqualTo("xy");
    }

    @Test
    void everyTwentiethEntryIsHeldOutAndArtIsSkipped(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append("entry ").append(i).append("\n%\n");
        }
        Files.writeString(dir.resolve("wisdom"), b);
        Files.writeString(dir.resolve("art"), "/\\_/\\\n%\n");
        Files.writeString(dir.resolve("wisdom.dat"), "binary index");
        TextCorpus c = TextCorpus.read(dir);
        assertThat(c.heldOut()).containsExactly("entry 19", "entry 39");
        assertThat(c.train()).hasSize(38).doesNotContain("entry 19").contains("entry 0");
    }

    @Test
    void aMissingCorpusNamesThePackageToInstall(@TempDir Path dir) {
        assertThatThrownBy(() -> TextCorpus.read(dir.resolve("nowhere")))
                .hasMessageContaining("apt-get install -y fortunes");
    }

    @Test
    void debiansFortunesAreReadWithTheirHeldOutPart() {
        TextCorpus c = TextCorpus.fortunes();
        assertThat(c.train().size()).isGreaterThan(10_000);
        assertThat(c.heldOut().size()).isBetween(c.train().size() / 20, c.train().size() / 18);
        assertThat(c.train()).noneMatch(e -> e.contains("\n") || e.contains("\b") || e.isBlank());
        assertThat(List.copyOf(c.heldOut())).doesNotContainAnyElementsOf(c.train().subList(0, 100));
    }
}
