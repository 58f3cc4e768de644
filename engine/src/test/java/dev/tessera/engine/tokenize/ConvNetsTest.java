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

    /** Backward, each input pixel gets the sum of its 2x2 block's gradients, on every image and channel of a batch. */
    @Test
    void upsamplingSendsEachBlocksGradientBackToItsPixel() {
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray x = m.arange(12f).reshape(2, 3, 1, 2);
            x.setRequiresGradient(true);
            NDArray w = m.arange(48f).reshape(2, 3, 2, 4);
            try (ai.djl.training.GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
                NDArray y = ConvNets.upsample2x().forward(new ParameterStore(m, true), new NDList(x), true).singletonOrThrow();
                assertThat(y.getShape()).isEqualTo(new Shape(2, 3, 2, 4));
                gc.backward(y.mul(w).sum());
            }
            float[] g = x.getGradient().toFloatArray();
            for (int plane = 0; plane < 6; plane++) {
                for (int col = 0; col < 2; col++) {
                    int o = plane * 8 + 2 * col;
                    assertThat(g[plane * 2 + col]).isEqualTo((float) (o + o + 1 + o + 4 + o + 5));
                }
            }
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
