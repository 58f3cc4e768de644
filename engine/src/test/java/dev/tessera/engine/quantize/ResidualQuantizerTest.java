package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ResidualQuantizerTest {

    @Test
    void eachLevelQuantizesWhatThePreviousLeftAndErrorShrinks() {
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            ResidualQuantizer q = new ResidualQuantizer(new ResidualConfig(VqConfig.tiny(), 4));
            q.initialize(m, DataType.FLOAT32, new Shape(256, 8));
            Random r = new Random(3);
            float[] x = new float[256 * 8];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            NDArray z = m.create(x, new Shape(256, 8));
            q.initialiseFromData(ps, z, new Random(4));
            QuantizeResult res = q.quantize(ps, z, false);
            double previous = Double.MAX_VALUE;
            for (int l = 1; l <= 4; l++) {
                double err = z.sub(q.codes(ps, res.indices(), l)).square().mean().getFloat();
                assertThat(err).as("error with %d levels", l).isLessThan(previous);
                previous = err;
            }
            // level l's input is the residual after levels < l
            NDArray level1Input = res.levelInputs().get(":, 1, :");
            NDArray expected = z.sub(q.codes(ps, res.indices(), 1));
            assertThat(level1Input.toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-5f));
        }
    }

    /**
     * The rotation trick maps each input row z onto the sum s of its level codes by a rotation R
     * (R z^ = s^) and the scale |s|/|z|, both constants; R's transpose takes s^ back to z^. So an
     * upstream gradient along s^ reaches z as (|s|/|z|) z^, where straight-through passes s^ on
     * unchanged. Any upstream gradient keeps its length times |s|/|z| (a rotation).
     */
    @Test
    void theRotationTrickTurnsTheGradientOfTheSumOntoTheInput() {
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            int n = 64;
            int d = 8;
            ResidualQuantizer q = new ResidualQuantizer(
                    new ResidualConfig(VqConfig.tiny().withGradient(VqConfig.GradientEstimator.ROTATION), 3));
            q.initialize(m, DataType.FLOAT32, new Shape(n, d));
            float[] x = gaussian(n * d, 5);
            NDArray z = m.create(x, new Shape(n, d));
            q.initialiseFromData(ps, z, new Random(6));
            float[] s = q.quantize(ps, z, false).quantized().toFloatArray();
            float[] along = new float[n * d];
            float[] expected = new float[n * d];
            for (int i = 0; i < n; i++) {
                double zn = norm(x, i, d);
                double sn = norm(s, i, d);
                for (int j = i * d; j < (i + 1) * d; j++) {
                    along[j] = (float) (s[j] / sn);
                    expected[j] = (float) (sn / zn * x[j] / zn);
                }
            }
            assertThat(inputGradient(q, ps, m.create(x, new Shape(n, d)), m.create(along, new Shape(n, d))))
                    .containsExactly(expected, within(1e-4f));

            float[] upstream = gaussian(n * d, 7);
            float[] g = inputGradient(q, ps, m.create(x, new Shape(n, d)), m.create(upstream, new Shape(n, d)));
            for (int i = 0; i < n; i++) {
                assertThat(norm(g, i, d)).as("row %d", i)
                        .isCloseTo(norm(s, i, d) / norm(x, i, d) * norm(upstream, i, d), within(1e-4));
            }
        }
    }

    @Test
    void straightThroughPassesTheGradientOfTheSumOnUnchanged() {
        try (NDManager m = TesseraRuntime.newManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            ResidualQuantizer q = new ResidualQuantizer(new ResidualConfig(VqConfig.tiny(), 3));
            q.initialize(m, DataType.FLOAT32, new Shape(64, 8));
            NDArray z = m.create(gaussian(64 * 8, 5), new Shape(64, 8));
            q.initialiseFromData(ps, z, new Random(6));
            float[] upstream = gaussian(64 * 8, 7);
            assertThat(inputGradient(q, ps, z, m.create(upstream, new Shape(64, 8)))).containsExactly(upstream, within(1e-6f));
        }
    }

    /** The gradient reaching {@code z} from {@code sum(quantized * upstream)} in training mode. */
    private static float[] inputGradient(ResidualQuantizer q, ParameterStore ps, NDArray z, NDArray upstream) {
        z.setRequiresGradient(true);
        try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
            gc.backward(q.quantize(ps, z, true).quantized().mul(upstream).sum());
        }
        return z.getGradient().toFloatArray();
    }

    private static float[] gaussian(int size, long seed) {
        Random r = new Random(seed);
        float[] x = new float[size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    private static double norm(float[] v, int row, int width) {
        double s = 0;
        for (int j = row * width; j < (row + 1) * width; j++) {
            s += v[j] * v[j];
        }
        return Math.sqrt(s);
    }

    @Test
    void cosineOrProjectedLevelsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> new ResidualConfig(VqConfig.tiny().withCosine(true), 2)).hasMessageContaining("cosine to false");
        assertThatThrownBy(() -> new ResidualConfig(VqConfig.tiny().withLookupDim(2), 2)).hasMessageContaining("lookupDim to 0");
    }
}
