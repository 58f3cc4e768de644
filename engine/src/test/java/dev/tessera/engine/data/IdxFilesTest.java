package dev.tessera.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.tessera.engine.data.IdxTestFiles.gzip;
import static dev.tessera.engine.data.IdxTestFiles.idx;
import static dev.tessera.engine.data.IdxTestFiles.images;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipFilesAlike() throws Exception {
        byte[] raw = images(7, 3, 4);
        Path plain = Files.write(dir.resolve("a-idx3-ubyte"), raw);
        Path packed = Files.write(dir.resolve("b-idx3-ubyte.gz"), gzip(raw));
        IdxArray a = IdxFiles.read(plain, Integer.MAX_VALUE);
        IdxArray b = IdxFiles.read(packed, Integer.MAX_VALUE);
        assertThat(a.header()).isEqualTo(new IdxHeader(0x08, new int[] {7, 3, 4}));
        assertThat(a.items()).isEqualTo(7);
        assertThat(a.data()).isEqualTo(b.data());
        assertThat(a.unsigned(5, 11)).isEqualTo(IdxTestFiles.pixel(5, 11));
    }

    @Test
    void theHeaderIsBigEndianWithTypeAndDimensionCountInTheMagic() throws Exception {
        // magic 0x00000803: unsigned bytes, 3 dimensions; sizes 2, 1, 300 big-endian
        byte[] file = new byte[4 + 12 + 600];
        System.arraycopy(new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 1, 44}, 0, file, 0, 16);
        IdxHeader h = IdxFiles.header(Files.write(dir.resolve("h"), file));
        assertThat(h.dims()).containsExactly(2, 1, 300);
        assertThat(h.typeName()).isEqualTo("unsigned byte");
        assertThat(h.itemElements()).isEqualTo(300);
        assertThat(h.declaredFileBytes()).isEqualTo(616);
    }

    @Test
    void aLimitReadsOnlyTheFirstItems() throws Exception {
        // a compressed file cut after its 10th image still gives the first 5: nothing past them is read
        byte[] raw = images(1000, 28, 28);
        Path cut = Files.write(dir.resolve("cut.gz"), gzip(Arrays.copyOf(raw, 16 + 10 * 784)));
        IdxArray first = IdxFiles.read(cut, 5);
        assertThat(first.items()).isEqualTo(5);
        assertThat(first.header().items()).isEqualTo(1000);
        assertThat(first.unsigned(4, 783)).isEqualTo(IdxTestFiles.pixel(4, 783));
        assertThatThrownBy(() -> IdxFiles.read(cut, Integer.MAX_VALUE)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("truncated").hasMessageContaining("download it again");
    }

    @Test
    void aTruncatedRawFileIsNamedFromItsSizeBeforeReading() throws Exception {
        byte[] raw = images(10, 4, 4);
        Path cut = Files.write(dir.resolve("cut-idx3-ubyte"), Arrays.copyOf(raw, raw.length - 1));
        assertThatThrownBy(() -> IdxFiles.header(cut)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("truncated").hasMessageContaining("declares 176 bytes").hasMessageContaining("175");
        assertThatThrownBy(() -> IdxFiles.read(cut, 1)).hasMessageContaining("truncated");
    }

    @Test
    void extraBytesAfterTheDataAreRefused() throws Exception {
        byte[] raw = images(2, 2, 2);
        Path longer = Files.write(dir.resolve("long"), Arrays.copyOf(raw, raw.length + 3));
        assertThatThrownBy(() -> IdxFiles.read(longer, 1)).hasMessageContaining("is 27 bytes but its header");
        Path longerGz = Files.write(dir.resolve("long.gz"), gzip(Arrays.copyOf(raw, raw.length + 3)));
        assertThatThrownBy(() -> IdxFiles.read(longerGz, Integer.MAX_VALUE)).hasMessageContaining("bytes after the 2 items");
    }

    @Test
    void aBrokenGzipStreamIsReported() throws Exception {
        byte[] gz = gzip(images(50, 8, 8));
        Path cut = Files.write(dir.resolve("half.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxFiles.read(cut, Integer.MAX_VALUE)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("truncated").hasMessageContaining("half.gz");
    }

    @Test
    void aBadMagicNumberIsNamed() throws Exception {
        Path zip = Files.write(dir.resolve("train.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertThatThrownBy(() -> IdxFiles.header(zip)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("not an IDX file").hasMessageContaining("0x504B0304").hasMessageContaining("idx3-ubyte");
        Path noDims = Files.write(dir.resolve("nodims"), new byte[] {0, 0, 8, 0});
        assertThatThrownBy(() -> IdxFiles.header(noDims)).hasMessageContaining("not an IDX file");
    }

    @Test
    void aShortHeaderIsTruncated() throws Exception {
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0});
        assertThatThrownBy(() -> IdxFiles.header(tiny)).hasMessageContaining("too short");
        Path half = Files.write(dir.resolve("half"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0});
        assertThatThrownBy(() -> IdxFiles.header(half)).hasMessageContaining("ends inside its header");
    }

    @Test
    void otherElementTypesAreNamedAndRefusedByRead() throws Exception {
        Path floats = Files.write(dir.resolve("f"), idx(0x0D, new int[] {2}, new byte[8]));
        assertThat(IdxFiles.header(floats).typeName()).isEqualTo("float");
        assertThatThrownBy(() -> IdxFiles.read(floats, 2)).hasMessageContaining("float elements")
                .hasMessageContaining("unsigned-byte");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> IdxFiles.read(dir.resolve("none"), 1)).hasMessageContaining("no file at")
                .hasMessageContaining("none");
    }
}
