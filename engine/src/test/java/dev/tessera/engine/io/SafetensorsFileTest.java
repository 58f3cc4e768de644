package dev.tessera.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    @Test
    void oneSmallTensorHasTheSpecifiedBytes() {
        byte[] b = SafetensorsFile.encode(Safetensors.of("a", new DenseArray.Floats(new int[] {2}, new float[] {1f, 2f})));
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        // 54 bytes of JSON + 2 spaces = 56, a multiple of 8; then 8 bytes of data
        assertThat(json).hasSize(54);
        assertThat(Arrays.copyOf(b, 8)).containsExactly(56, 0, 0, 0, 0, 0, 0, 0);
        assertThat(new String(b, 8, 56, StandardCharsets.UTF_8)).isEqualTo(json + "  ");
        assertThat(Arrays.copyOfRange(b, 64, 72)).containsExactly(0, 0, 0x80, 0x3F, 0, 0, 0, 0x40);
        assertThat(b).hasSize(72);
    }

    @Test
    void severalTensorsAndMetadataRoundTripInOrderWithAlignedData() {
        Safetensors s = Safetensors.of("codebook", DenseArray.of(new float[][] {{0.1f, 0.2f}, {0.3f, 0.4f}, {0.5f, 0.6f}}))
                .with("one", DenseArray.of(new int[] {7}))
                .with("tokens", DenseArray.of(new long[][] {{1, 2}, {3, 4}}))
                .withMetadata("tokenizer", "vq-shapes64").withMetadata("K", "3");
        byte[] b = SafetensorsFile.encode(s);
        long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(n % 8).isZero();
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
        // the int64 array is laid out first, so each array starts at a multiple of its element size
        assertThat(header).startsWith("{\"__metadata__\":{\"tokenizer\":\"vq-shapes64\",\"K\":\"3\"},")
                .contains("\"tokens\":{\"dtype\":\"I64\",\"shape\":[2,2],\"data_offsets\":[0,32]}")
                .contains("\"codebook\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[32,56]}")
                .contains("\"one\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[56,60]}");
        assertThat(b).hasSize((int) (8 + n + 60));

        Path p = dir.resolve("t.safetensors");
        SafetensorsFile.write(p, s);
        Safetensors back = SafetensorsFile.read(p);
        assertThat(back).isEqualTo(s);
        assertThat(back.tensors().keySet()).containsExactly("codebook", "one", "tokens");
        assertThat(back.metadata()).containsExactly(Map.entry("tokenizer", "vq-shapes64"), Map.entry("K", "3"));
        assertThat(back.get("tokens").toIntMatrix()).isEqualTo(new int[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> back.get("codes")).hasMessageContaining("[codebook, one, tokens]");
    }

    @Test
    void emptyTensorsAndAnEmptyFileAreValid() {
        Safetensors s = Safetensors.of("none", new DenseArray.Ints(new int[] {0, 3}, new int[0]))
                .with("x", DenseArray.of(new int[] {1}));
        assertThat(SafetensorsFile.decode(SafetensorsFile.encode(s), "e")).isEqualTo(s);
        Safetensors nothing = new Safetensors(Map.of(), Map.of());
        assertThat(SafetensorsFile.decode(SafetensorsFile.encode(nothing), "n")).isEqualTo(nothing);
    }

    @Test
    void namesAreChecked() {
        assertThatThrownBy(() -> Safetensors.of("__metadata__", DenseArray.of(new int[] {1}))).hasMessageContaining("not __metadata__");
        assertThatThrownBy(() -> Safetensors.of("", DenseArray.of(new int[] {1}))).hasMessageContaining("non-empty");
    }

    @Test
    void badFilesNameTheProblem() {
        assertThatThrownBy(() -> SafetensorsFile.decode(new byte[5], "s")).isInstanceOf(TensorFileException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(Long.MAX_VALUE, "{}", 0), "huge"))
                .hasMessageContaining("not a safetensors file");
        assertThatThrownBy(() -> SafetensorsFile.decode(Arrays.copyOf(file(-1, "{}", 0), 20), "pt"))
                .hasMessageContaining("18446744073709551615");
        byte[] good = SafetensorsFile.encode(Safetensors.of("a", DenseArray.of(new int[] {1, 2})));
        assertThatThrownBy(() -> SafetensorsFile.decode(Arrays.copyOf(good, 30), "cut"))
                .hasMessageContaining("cut is truncated").hasMessageContaining("header");
        assertThatThrownBy(() -> SafetensorsFile.decode(Arrays.copyOf(good, good.length - 1), "cut2"))
                .hasMessageContaining("cut2 is truncated").hasMessageContaining("need 8 bytes of data but it holds 7");
        assertThatThrownBy(() -> SafetensorsFile.decode(Arrays.copyOf(good, good.length + 3), "long"))
                .hasMessageContaining("3 bytes after its last tensor");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "[1, 2]  ", 0), "arr"))
                .hasMessageContaining("does not start with '{'");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"a\":  ", 0), "json"))
                .hasMessageContaining("not valid JSON");
        String t = "{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"a\":" + t + ",\"a\":" + t + "}", 4), "dup"))
                .hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"a\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2), "bf"))
                .hasMessageContaining("\"BF16\"").hasMessageContaining("t.float()");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"a\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "off"))
                .hasMessageContaining("needs 8 bytes");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"a\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "gap"))
                .hasMessageContaining("(gap)");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"a\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "overlap"))
                .hasMessageContaining("(overlap)");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"a\":{\"dtype\":\"I32\",\"shape\":[1]}}", 0), "missing"))
                .hasMessageContaining("exactly dtype, shape and data_offsets");
        assertThatThrownBy(() -> SafetensorsFile.decode(file(-2, "{\"__metadata__\":{\"K\":3}}", 0), "meta"))
                .hasMessageContaining("metadata 'K' is 3").hasMessageContaining("strings");
        assertThatThrownBy(() -> SafetensorsFile.read(dir.resolve("none.safetensors"))).hasMessageContaining("no file at");
    }

    /** A file with header size {@code n} ({@code -2}: the JSON's own length), {@code json}, and {@code data} zero bytes. */
    private static byte[] file(long n, String json, int data) {
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + j.length + data).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(n == -2 ? j.length : n).put(j);
        return b.array();
    }
}
