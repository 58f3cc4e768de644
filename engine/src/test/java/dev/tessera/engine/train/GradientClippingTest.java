package dev.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GradientClippingTest {

    private static Parameter param(NDManager m, String name) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.zeros(new Shape(2)));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    @Test
    void gradientsAreScaledTogetherToTheLimit() {
        try (NDManager m = TesseraRuntime.newManager()) {
            Parameter a = param(m, "a");
            Parameter b = param(m, "b");
            try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
                // d/da = (3, 0), d/db = (0, 4): global norm 5
                NDArray loss = a.getArray().mul(m.create(new float[] {3, 0})).sum()
                        .add(b.getArray().mul(m.create(new float[] {0, 4})).sum());
                gc.backward(loss);
            }
            PairList<String, Parameter> params = new PairList<>();
            params.add("a", a);
            params.add("b", b);
            assertThat(GradientClipping.clipGlobalNorm(params, 1.0)).isCloseTo(5.0, within(1e-6));
            assertThat(a.getArray().getGradient().toFloatArray()).containsExactly(new float[] {0.6f, 0f}, within(1e-6f));
            assertThat(b.getArray().getGradient().toFloatArray()).containsExactly(new float[] {0f, 0.8f}, within(1e-6f));
            // below the limit nothing changes
            assertThat(GradientClipping.clipGlobalNorm(params, 10.0)).isCloseTo(1.0, within(1e-6));
            assertThat(a.getArray().getGradient().toFloatArray()).containsExactly(new float[] {0.6f, 0f}, within(1e-6f));
            // a NaN gradient makes the norm NaN; zeroing clears it in place
            a.getArray().getGradient().set(new ai.djl.ndarray.index.NDIndex("0"), Float.NaN);
            assertThat(GradientClipping.clipGlobalNorm(params, 1.0)).isNaN();
            GradientClipping.zeroGradients(params);
            assertThat(a.getArray().getGradient().toFloatArray()).containsExactly(0f, 0f);
            assertThat(b.getArray().getGradient().toFloatArray()).containsExactly(0f, 0f);
        }
    }
}
