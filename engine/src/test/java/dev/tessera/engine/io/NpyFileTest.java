package dev.tessera.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpyFileTest {

    @TempDir
    Path dir;

    @Test
    void aTwoByThreeFloatMatrixHasTheSpecifiedBytes() {
        byte[] b = NpyFile.encode(DenseArray.of(new float[][] {{1f, -2f, 0.5f}, {0f, 3f, 4f}}));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        // 6 magic + 2 version + 2 length + 59 dict + 1 newline = 70 -> padded to 128 with 58 spaces
        assertThat(dict).hasSize(59);
        assertThat(Arrays.copyOf(b, 10)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0);
        assertThat(new String(b, 10, 59, StandardCharsets.US_ASCII)).isEqualTo(dict);
        assertThat(new String(b, 69, 58, StandardCharsets.US_ASCII)).isBlank().hasSize(58);
        assertThat(b[127]).isEqualTo((byte) '\n');
        assertThat(b).hasSize(128 + 6 * 4);
        // 1.0f = 0x3F800000 and -2.0f = 0xC0000000, little-endian
        assertThat(Arrays.copyOfRange(b, 128, 136)).containsExactly(0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0);
    }

    @Test
    void shapesAreWrittenAsPythonTuples() {
        assertThat(NpyFile.pythonTuple(new int[] {})).isEqualTo("()");
        assertThat(NpyFile.pythonTuple(new int[] {5})).isEqualTo("(5,)");
        assertThat(NpyFile.pythonTuple(new int[] {2, 3, 4})).isEqualTo("(2, 3, 4)");
        byte[] b = NpyFile.encode(DenseArray.of(new long[] {7, 8}));
        // a 57-character dict: 10 + 57 + 1 = 68 bytes, padded to 128
        assertThat(new String(b, 10, 128 - 10, StandardCharsets.US_ASCII))
                .startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), } ").endsWith(" \n");
        assertThat(b).hasSize(128 + 16);
    }

    @Test
    void everyHeaderFillsWholeSixtyFourByteBlocks() {
        for (int[] shape : List.of(new int[] {}, new int[] {1}, new int[] {123456, 7}, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})) {
            byte[] h = NpyFile.header(DType.I32, shape);
            assertThat(h.length % 64).isZero();
            assertThat(ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getShort(8)).isEqualTo((short) (h.length - 10));
        }
    }

    @Test
    void everyTypeAndRankRoundTripsThroughAFile() {
        List<DenseArray> arrays = List.of(
                DenseArray.of(new float[][] {{1.5f, Float.NaN}, {-0f, Float.MAX_VALUE}, {3f, 4f}}),
                DenseArray.of(new int[] {0, 1, 255, -1, Integer.MAX_VALUE}),
                DenseArray.of(new int[][] {{1, 2, 3}, {4, 5, 6}}),
                DenseArray.of(new long[] {Long.MIN_VALUE, 0, 1L << 40}),
                DenseArray.of(new long[][] {{9}, {8}}),
                new DenseArray.Floats(new int[] {0, 4}, new float[0]),
                new DenseArray.Ints(new int[] {}, new int[] {42}));
        for (DenseArray a : arrays) {
            Path p = dir.resolve("a.npy");
            NpyFile.write(p, a);
            assertThat(NpyFile.read(p)).isEqualTo(a);
        }
        assertThat(NpyFile.read(dir.resolve("a.npy")).shape()).isEmpty();
    }

    @Test
    void writingReplacesTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path p = dir.resolve("codebook.npy");
        NpyFile.write(p, DenseArray.of(new int[] {1}));
        NpyFile.write(p, DenseArray.of(new int[] {2, 3}));
        assertThat(NpyFile.read(p).toIntArray()).containsExactly(2, 3);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("codebook.npy");
        }
    }

    @Test
    void numpyVersionTwoHeadersAreRead() {
        String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }";
        ByteBuffer b = ByteBuffer.allocate(12 + dict.length() + 1 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyFile.MAGIC).put((byte) 2).put((byte) 0).putInt(dict.length() + 1).put((dict + "\n").getBytes(StandardCharsets.US_ASCII));
        b.putInt(5).putInt(-6);
        assertThat(NpyFile.decode(b.array(), "v2.npy").toIntArray()).containsExactly(5, -6);
    }

    @Test
    void badFilesNameTheProblemAndTheFix() {
        byte[] good = NpyFile.encode(DenseArray.of(new float[][] {{1f, 2f}}));
        assertThatThrownBy(() -> NpyFile.decode("PK\3\4 zip".getBytes(StandardCharsets.ISO_8859_1), "x.npz"))
                .isInstanceOf(TensorFileException.class).hasMessageContaining("not a .npy file").hasMessageContaining("numpy.save");
        assertThatThrownBy(() -> NpyFile.decode(Arrays.copyOf(good, good.length - 1), "cut.npy"))
                .hasMessageContaining("cut.npy is truncated").hasMessageContaining("8 bytes for shape [1, 2], found 7");
        assertThatThrownBy(() -> NpyFile.decode(Arrays.copyOf(good, good.length + 4), "long.npy"))
                .hasMessageContaining("4 bytes after the data");
        assertThatThrownBy(() -> NpyFile.decode(Arrays.copyOf(good, 40), "head.npy"))
                .hasMessageContaining("ends inside its header");
        assertThatThrownBy(() -> NpyFile.decode(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 8), "f8.npy"))
                .hasMessageContaining("'<f8'").hasMessageContaining("astype('<f4')");
        assertThatThrownBy(() -> NpyFile.decode(withDict("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", 4), "be.npy"))
                .hasMessageContaining("'>f4'");
        assertThatThrownBy(() -> NpyFile.decode(withDict("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", 4), "f.npy"))
                .hasMessageContaining("Fortran").hasMessageContaining("ascontiguousarray");
        assertThatThrownBy(() -> NpyFile.decode(withDict("{'descr': '<f4', 'shape': (1,), }", 4), "k.npy"))
                .hasMessageContaining("exactly descr, fortran_order and shape");
        assertThatThrownBy(() -> NpyFile.decode(withDict("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", 4), "neg.npy"))
                .hasMessageContaining("cannot hold");
        byte[] v9 = good.clone();
        v9[6] = 9;
        assertThatThrownBy(() -> NpyFile.decode(v9, "v9.npy")).hasMessageContaining("version 9.0");
        assertThatThrownBy(() -> NpyFile.read(dir.resolve("none.npy"))).hasMessageContaining("no file at");
    }

    /** A version 1.0 file with {@code dict} as its header (unpadded) and {@code dataBytes} zero bytes. */
    private static byte[] withDict(String dict, int dataBytes) {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyFile.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }
}
