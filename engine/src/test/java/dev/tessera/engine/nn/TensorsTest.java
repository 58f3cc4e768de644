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

    @Test
    void narrowIsAViewOfTheRangeAlongOneAxisKnownAnswer() {
        try (NDManager m = TesseraRuntime.newManager()) {
            var a = m.arange(24f).reshape(2, 3, 4);
            var v = Tensors.narrow(a, 2, 1, 3);
            assertThat(v.getShape()).isEqualTo(new Shape(2, 3, 2));
            assertThat(v.toFloatArray()).containsExactly(1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22);
            assertThat(Tensors.narrow(a, 0, 1, 2).toFloatArray()).containsExactly(12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
            // a view: writing the source shows through
            Tensors.write(a, 2, 1, m.full(new Shape(2, 3, 1), -1f));
            assertThat(v.toFloatArray()).containsExactly(-1, 2, -1, 6, -1, 10, -1, 14, -1, 18, -1, 22);
        }
    }

    @Test
    void writeCopiesIntoTheRangeAlongOneAxisAndNothingElseKnownAnswer() {
        try (NDManager m = TesseraRuntime.newManager()) {
            var a = m.zeros(new Shape(2, 2, 5));
            Tensors.write(a, 2, 3, m.arange(1f, 9f).reshape(2, 2, 2));
            assertThat(a.toFloatArray()).containsExactly(0, 0, 0, 1, 2, 0, 0, 0, 3, 4, 0, 0, 0, 5, 6, 0, 0, 0, 7, 8);
            Tensors.write(a, 0, 1, m.ones(new Shape(1, 2, 5)));
            assertThat(Arrays.copyOfRange(a.toFloatArray(), 10, 20)).containsOnly(1f);
            assertThat(Arrays.copyOfRange(a.toFloatArray(), 0, 10)).containsExactly(0, 0, 0, 1, 2, 0, 0, 0, 3, 4);
        }
    }
}
