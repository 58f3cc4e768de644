package dev.tessera.engine.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConvNetsTest {

    @Test
    void upsamplingRepeatsEachPixelIntoATwoByTwoBlock() {
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray y = ConvNets.upsample2x().forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 4, 4));
            assertThat(y.toFloatArray()).containsExactly(
                    1, 1, 2, 2,
                    1, 1, 2, 2,
                    3, 3, 4, 4,
                    3, 3, 4, 4);
        }
    }

    @Test
    void encoderAndDecoderShapesFollowTheConfig() {
        try (GridTokenizer t = GridTokenizer.create("shapes", TokenizerConfig.tiny(), 1)) {
            Shape[] out = t.block().getOutputShapes(new Shape[] {new Shape(2, 3, 16, 16)});
            assertThat(out[0]).isEqualTo(new Shape(2, 3, 16, 16));
            assertThat(out[2]).isEqualTo(new Shape(2 * 4 * 4, 1));
        }
    }
}
