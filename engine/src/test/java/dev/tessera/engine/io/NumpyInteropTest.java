package dev.tessera.engine.io;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the files against numpy itself: numpy loads what Tessera writes, and Tessera reads
 * what numpy saves. Skipped when no Python with numpy is on the machine (Debian: python3-numpy).
 */
@Tag("python")
class NumpyInteropTest {

    private static String python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findNumpy() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                if (run(candidate, "import numpy").exit == 0) {
                    python = candidate;
                    return;
                }
            } catch (IOException ignored) {
                // try the next one
            }
        }
    }

    @Test
    void numpyLoadsWhatTesseraWrites() throws Exception {
        assumeTrue(python != null, "no python3 with numpy");
        NpyFile.write(dir.resolve("codebook.npy"), DenseArray.of(new float[][] {{0.5f, -1f}, {2f, 3.25f}, {0f, 1e-3f}}));
        NpyFile.write(dir.resolve("tokens.npy"), DenseArray.of(new long[][] {{1, 2, 3}, {4, 5, 1L << 40}}));
        NpyFile.write(dir.resolve("one.npy"), DenseArray.of(new int[] {7, -8}));
        SafetensorsFile.write(dir.resolve("t.safetensors"),
                Safetensors.of("codebook", DenseArray.of(new float[][] {{1f, 2f}, {3f, 4f}}))
                        .with("ids", DenseArray.of(new int[] {9}))
                        .with("batch", DenseArray.of(new long[][] {{5}, {6}}))
                        .withMetadata("tokenizer", "vq"));
        String script = String.join("\n",
                "import json, struct, sys, numpy as np",
                "d = sys.argv[1]",
                "c = np.load(d + '/codebook.npy')",
                "assert c.dtype == np.float32 and c.shape == (3, 2), (c.dtype, c.shape)",
                "assert c.tolist() == [[0.5, -1.0], [2.0, 3.25], [0.0, float(np.float32(1e-3))]], c.tolist()",
                "t = np.load(d + '/tokens.npy')",
                "assert t.dtype == np.int64 and t.tolist() == [[1, 2, 3], [4, 5, 1 << 40]], t",
                "o = np.load(d + '/one.npy')",
                "assert o.dtype == np.int32 and o.shape == (2,) and o.tolist() == [7, -8], o",
                "with open(d + '/t.safetensors', 'rb') as f: b = f.read()",
                "n = struct.unpack('<Q', b[:8])[0]",
                "h = json.loads(b[8:8 + n])",
                "assert h.pop('__metadata__') == {'tokenizer': 'vq'}",
                "kinds = {'F32': np.float32, 'I32': np.int32, 'I64': np.int64}",
                "out = {}",
                "for k, v in h.items():",
                "    s, e = v['data_offsets']",
                "    assert (8 + n + s) % np.dtype(kinds[v['dtype']]).itemsize == 0, k",
                "    out[k] = np.frombuffer(b[8 + n + s:8 + n + e], dtype=kinds[v['dtype']]).reshape(v['shape']).tolist()",
                "assert out == {'codebook': [[1.0, 2.0], [3.0, 4.0]], 'ids': [9], 'batch': [[5], [6]]}, out",
                "print('ok')");
        Result r = run(python, script, dir.toString());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("ok");
    }

    @Test
    void tesseraReadsWhatNumpySaves() throws Exception {
        assumeTrue(python != null, "no python3 with numpy");
        String script = String.join("\n",
                "import sys, numpy as np",
                "d = sys.argv[1]",
                "np.save(d + '/f32.npy', np.arange(12, dtype=np.float32).reshape(4, 3) / 4)",
                "np.save(d + '/i64.npy', np.array([3, 1, 4, 1, 5], dtype=np.int64))",
                "np.save(d + '/i32.npy', np.array([[2, 7], [1, 8]], dtype=np.int32))",
                "np.save(d + '/scalar.npy', np.float32(2.5))",
                "np.save(d + '/f64.npy', np.zeros(3))",
                "np.save(d + '/fortran.npy', np.asfortranarray(np.ones((2, 3), dtype=np.float32)))");
        Result r = run(python, script, dir.toString());
        assertThat(r.exit).as(r.output).isZero();
        float[][] f = NpyFile.read(dir.resolve("f32.npy")).toFloatMatrix();
        assertThat(f).hasDimensions(4, 3);
        assertThat(f[3]).containsExactly(2.25f, 2.5f, 2.75f);
        assertThat(NpyFile.read(dir.resolve("i64.npy")).toIntArray()).containsExactly(3, 1, 4, 1, 5);
        assertThat(NpyFile.read(dir.resolve("i32.npy")).toIntMatrix()).isEqualTo(new int[][] {{2, 7}, {1, 8}});
        assertThat(NpyFile.read(dir.resolve("scalar.npy"))).isEqualTo(new DenseArray.Floats(new int[0], new float[] {2.5f}));
        assertThatThrownBy(() -> NpyFile.read(dir.resolve("f64.npy"))).hasMessageContaining("'<f8'");
        assertThatThrownBy(() -> NpyFile.read(dir.resolve("fortran.npy"))).hasMessageContaining("Fortran");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String python, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "python timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
