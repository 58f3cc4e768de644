package dev.tessera.engine.judge;

import ai.djl.ndarray.NDManager;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.util.List;

/** Logits that say exactly what a scene holds: its training target pushed far past the decision points. */
final class PerfectLogits {

    private PerfectLogits() {
    }

    /** One image's (PER_CELL, g, g) logits, flattened, for {@code scene} drawn at {@code size} px. */
    static float[] of(Scene scene, int size, int grid) {
        float[] t;
        try (NDManager m = TesseraRuntime.newManager()) {
            t = JudgeHeads.targets(List.of(scene), size, grid, m).toFloatArray();
        }
        int plane = grid * grid;
        float[] z = new float[t.length];
        for (int c = 0; c < JudgeHeads.PER_CELL; c++) {
            for (int i = 0; i < plane; i++) {
                float v = t[c * plane + i];
                z[c * plane + i] = c >= JudgeHeads.CENTRE_OFFSET
                        ? (float) Math.log(clip(v) / (1 - clip(v)))
                        : c == JudgeHeads.OBJECT ? 24 * v - 12 : 24 * v;
            }
        }
        return z;
    }

    private static double clip(float v) {
        return Math.min(1 - 1e-4, Math.max(1e-4, v));
    }
}
