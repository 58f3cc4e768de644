package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScalarQuantizerTest {

    @Test
    void boundingGivesExactlyLevelsValuesPerDimension() {
        ScalarQuantizer q = new ScalarQuantizer(new FsqConfig(new int[] {4, 5}, 8));
        try (NDManager m = TesseraRuntime.newManager()) {
            // huge inputs saturate tanh: L=4 spans digits -2..1, L=5 spans -2..2
            NDArray h = m.create(new float[] {100, 100, -100, -100, 0, 0}, new Shape(3, 2));
            float[] digits = q.bound(h).round().toFloatArray();
            assertThat(digits).containsExactly(new float[] {1, 2, -2, -2, 0, 0}, within(1e-6f));
        }
    }

    @Test
    void theCodebookSizeIsTheProductOfLevels() {
        assertThat(FsqConfig.standard().codebookSize()).isEqualTo(240);
        assertThat(new FsqConfig(new int[] {2, 3}, 4).codebookSize()).isEqualTo(6);
    }

    @Test
    void badLevelsAreRefused() {
        assertThatThrownBy(() -> new FsqConfig(new int[] {1, 5}, 8)).hasMessageContaining("2..64 levels");
        assertThatThrownBy(() -> new FsqConfig(new int[] {64, 64, 64}, 8)).hasMessageContaining("at most 65536");
    }
}
