package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdamWTest {

    /** One step of loss = sum(w * c): gradient c. */
    private static void step(ParameterSet p, AdamW opt, float[] c, double lr, double wd) {
        try (NDManager m = TesseraRuntime.newManager();
             GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
            NDArray w = p.get("w");
            gc.backward(w.mul(m.create(c, w.getShape())).sum());
        }
        opt.step(p, lr, wd);
    }

    @Test
    void firstStepMovesEveryWeightByTheLearningRateAgainstItsGradientSign() {
        try (ParameterSet p = new ParameterSet(TesseraRuntime.newManager());
             AdamW opt = new AdamW(p.manager(), 0.9, 0.95, 1e-8)) {
            p.constant("w", 1f, 2, 2);
            // positive AND negative gradients: a clip setting of 0 in the fused kernel zeroes the positive ones
            step(p, opt, new float[] {1f, -2f, 0.5f, -0.25f}, 0.1, 0.0);
            assertThat(p.get("w").toFloatArray()).containsExactly(new float[] {0.9f, 1.1f, 0.9f, 1.1f}, within(1e-5f));
        }
    }

    @Test
    void weightDecayIsDecoupledAndSkipsVectors() {
        try (ParameterSet p = new ParameterSet(TesseraRuntime.newManager());
             AdamW opt = new AdamW(p.manager(), 0.9, 0.95, 1e-8)) {
            p.constant("w", 2f, 1, 2);
            p.constant("bias", 2f, 2);
            step(p, opt, new float[] {0f, 0f}, 0.1, 0.5);
            // zero gradient: only the decay acts, w * (1 - lr * wd) = 2 * 0.95
            assertThat(p.get("w").toFloatArray()).containsExactly(new float[] {1.9f, 1.9f}, within(1e-5f));
            assertThat(p.get("bias").toFloatArray()).containsExactly(2f, 2f);
        }
    }

    @Test
    void savedStateContinuesExactlyLikeTheOriginal() throws Exception {
        float[] g1 = {0.3f, -1f, 2f, 0.1f};
        float[] g2 = {-0.7f, 0.2f, 0.4f, -3f};
        try (ParameterSet a = new ParameterSet(TesseraRuntime.newManager());
             ParameterSet b = new ParameterSet(TesseraRuntime.newManager());
             AdamW oa = new AdamW(a.manager(), 0.9, 0.95, 1e-8);
             AdamW ob = new AdamW(b.manager(), 0.9, 0.95, 1e-8)) {
            a.constant("w", 1f, 2, 2);
            b.constant("w", 1f, 2, 2);
            step(a, oa, g1, 0.05, 0.1);
            step(b, ob, g1, 0.05, 0.1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            oa.save(bytes);
            try (AdamW restored = new AdamW(b.manager(), 0.9, 0.95, 1e-8)) {
                restored.load(new ByteArrayInputStream(bytes.toByteArray()), b);
                assertThat(restored.steps()).isEqualTo(1);
                step(a, oa, g2, 0.05, 0.1);
                step(b, restored, g2, 0.05, 0.1);
                assertThat(b.get("w").toFloatArray()).containsExactly(a.get("w").toFloatArray());
            }
        }
    }
}
