package dev.tessera.engine.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TensorsTest {

    /**
     * Regression: replace() once aliased the source tensor, and an array made from a Java
     * buffer (NDManager.create) is freed with its manager, leaving the parameter pointing at
     * reused memory (garbage codebooks, NaN training runs).
     */
    @Test
    void replacedValuesSurviveTheirSourceManager() {
        try (NDManager model = TesseraRuntime.newManager()) {
            Parameter p = Parameter.builder().setName("codes").setType(Parameter.Type.OTHER).build();
            p.setArray(model.zeros(new Shape(64, 64)));
            float[] expected = new float[64 * 64];
            Arrays.fill(expected, 0.25f);
            try (NDManager step = TesseraRuntime.newManager()) {
                Tensors.replace(p, step.create(expected.clone(), new Shape(64, 64)));
            }
            for (int i = 0; i < 200; i++) {
                try (NDManager churn = TesseraRuntime.newManager()) {
                    churn.create(new float[64 * 64], new Shape(64, 64)).add(1f);
                }
                if (i % 50 == 0) {
                    System.gc();
                }
            }
            assertThat(p.getArray().toFloatArray()).containsExactly(expected);
        }
    }
}
