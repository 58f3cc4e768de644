package dev.tessera.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GemmConv2dTest {

    /** A 1-channel 3x3 image convolved with a 2x2 kernel of ones, no padding: window sums by hand. */
    @Test
    void knownAnswerOnATinyInput() {
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
            NDArray w = m.ones(new Shape(1, 1, 2, 2));
            NDArray y = GemmConv2d.convolve(x, w, m.create(new float[] {0.5f}), 1, 0);
            assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 2, 2));
            assertThat(y.toFloatArray()).containsExactly(12.5f, 16.5f, 24.5f, 28.5f);
            // stride 2 with one pixel of zero padding: windows at (-1,-1), (-1,1), (1,-1), (1,1)
            NDArray s = GemmConv2d.convolve(x, w, null, 2, 1);
            assertThat(s.toFloatArray()).containsExactly(1f, 5f, 11f, 28f);
        }
    }

    /** The shapes Tessera's encoders and decoders use: output and all three gradients equal libtorch's. */
    @ParameterizedTest
    @CsvSource({"3,1,1,8,8,16", "4,2,1,8,16,16", "1,1,0,16,4,8", "3,1,1,3,8,64", "4,2,1,3,5,32"})
    void matchesTheLibraryConvolutionAndItsGradients(int kernel, int stride, int pad, int in, int out, int size) {
        try (NDManager m = TesseraRuntime.newManager()) {
            m.getEngine().setRandomSeed(kernel * 100 + size);
            NDArray x = m.randomNormal(new Shape(4, in, size, size));
            NDArray w = m.randomNormal(new Shape(out, in, kernel, kernel)).mul(0.2f);
            NDArray b = m.randomNormal(new Shape(out));
            NDArray upstream = m.randomNormal(new Shape(4, out, (size + 2 * pad - kernel) / stride + 1,
                    (size + 2 * pad - kernel) / stride + 1));
            float[][] gemm = outputAndGradients(new NDList(x.duplicate(), w.duplicate(), b.duplicate()), upstream,
                    a -> GemmConv2d.convolve(a.get(0), a.get(1), a.get(2), stride, pad));
            float[][] library = outputAndGradients(new NDList(x.duplicate(), w.duplicate(), b.duplicate()), upstream,
                    a -> Conv2d.conv2d(a.get(0), a.get(1), a.get(2), new Shape(stride, stride), new Shape(pad, pad))
                            .singletonOrThrow());
            for (int i = 0; i < gemm.length; i++) {
                assertThat(gemm[i]).hasSameSizeAs(library[i]);
                for (int j = 0; j < gemm[i].length; j++) {
                    assertThat(gemm[i][j]).as("part %d element %d", i, j)
                            .isCloseTo(library[i][j], org.assertj.core.data.Offset.offset(1e-4f * (1 + Math.abs(library[i][j]))));
                }
            }
        }
    }

    /** The block is a Conv2d: parameters saved by the library path load into the GEMM path and compute the same. */
    @Test
    void sharesTheLibraryBlocksParametersAndSavedFormat() throws Exception {
        try (NDManager m = TesseraRuntime.newManager()) {
            Conv2d library = GemmConv2d.of(6, 4, 2, 1, ConvolutionPath.LIBRARY);
            Conv2d gemm = GemmConv2d.of(6, 4, 2, 1, ConvolutionPath.GEMM);
            assertThat(gemm).isInstanceOf(GemmConv2d.class);
            assertThat(library).isNotInstanceOf(GemmConv2d.class);
            Shape in = new Shape(2, 3, 8, 8);
            for (Conv2d c : new Conv2d[] {library, gemm}) {
                c.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
                c.initialize(m, DataType.FLOAT32, in);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            library.saveParameters(new DataOutputStream(bytes));
            gemm.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray x = m.randomNormal(in);
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = library.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] b = gemm.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            assertThat(gemm.getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(2, 6, 4, 4));
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void aWeightThatDoesNotFitTheInputIsRefused() {
        try (NDManager m = TesseraRuntime.newManager()) {
            assertThatThrownBy(() -> GemmConv2d.convolve(m.ones(new Shape(1, 3, 4, 4)), m.ones(new Shape(2, 4, 3, 3)), null, 1, 1))
                    .hasMessageContaining("does not fit");
        }
    }

    /** The output of {@code conv} on fresh copies of (x, w, b) and the gradients of sum(output * upstream). */
    private static float[][] outputAndGradients(NDList xwb, NDArray upstream, java.util.function.Function<NDList, NDArray> conv) {
        xwb.forEach(a -> a.setRequiresGradient(true));
        float[] y;
        try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
            NDArray out = conv.apply(xwb);
            y = out.toFloatArray();
            gc.backward(out.mul(upstream).sum());
        }
        return new float[][] {y, xwb.get(0).getGradient().toFloatArray(), xwb.get(1).getGradient().toFloatArray(),
                xwb.get(2).getGradient().toFloatArray()};
    }
}
