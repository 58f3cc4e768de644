package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VectorQuantizerTest {

    private NDManager m;
    private VectorQuantizer vq;
    private ParameterStore ps;

    @BeforeEach
    void open() {
        m = TesseraRuntime.newManager();
        TesseraRuntime.engine().setRandomSeed(3);
        vq = new VectorQuantizer(new VqConfig(8, 4, 0, VqConfig.CodebookUpdate.EMA, false, VqConfig.GradientEstimator.STE, 0.25, 0.9, 0.5, 3));
        vq.initialize(m, DataType.FLOAT32, new Shape(16, 4));
        ps = new ParameterStore(m, false);
    }

    @AfterEach
    void close() {
        m.close();
    }

    private NDArray data(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return m.create(x, new Shape(n, 4));
    }

    @Test
    void indicesToCodesGivesTheQuantizedVectors() {
        NDArray z = data(32, 1);
        QuantizeResult r = vq.quantize(ps, z, false);
        NDArray viaCodes = vq.codes(ps, r.indices());
        assertThat(viaCodes.toFloatArray()).containsExactly(r.quantized().toFloatArray());
        assertThat(r.quantized().getShape()).isEqualTo(new Shape(32, 4));
        assertThat(r.usage().sum().getFloat()).isEqualTo(32f);
    }

    @Test
    void quantizedVectorsAreCodebookRowsNearestToTheInput() {
        NDArray z = data(32, 2);
        QuantizeResult r = vq.quantize(ps, z, false);
        float[] codes = vq.codes(ps, m.arange(0L, 8L).reshape(8, 1)).toFloatArray();
        float[] x = z.toFloatArray();
        long[] idx = r.indices().toLongArray();
        for (int i = 0; i < 32; i++) {
            double best = dist(x, i, codes, (int) idx[i]);
            for (int k = 0; k < 8; k++) {
                assertThat(dist(x, i, codes, k)).isGreaterThanOrEqualTo(best - 1e-5);
            }
        }
    }

    private static double dist(float[] x, int i, float[] c, int k) {
        double s = 0;
        for (int d = 0; d < 4; d++) {
            double e = x[i * 4 + d] - c[k * 4 + d];
            s += e * e;
        }
        return s;
    }

    @Test
    void straightThroughGradientEqualsTheUpstreamGradient() {
        NDArray z = data(16, 3);
        NDArray upstream = data(16, 4);
        z.setRequiresGradient(true);
        try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
            QuantizeResult r = vq.quantize(ps, z, true);
            gc.backward(r.quantized().mul(upstream).sum());
        }
        assertThat(z.getGradient().toFloatArray()).containsExactly(upstream.toFloatArray(), within(1e-6f));
    }

    @Test
    void commitmentLossIsBetaTimesMeanSquaredDistance() {
        NDArray z = data(16, 5);
        QuantizeResult r = vq.quantize(ps, z, false);
        double expected = 0.25 * z.sub(r.quantized()).square().mean().getFloat();
        assertThat((double) r.loss().getFloat()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void deadCodeRestartRevivesUnusedCodesWithInputVectors() {
        NDArray z = data(64, 6);
        vq.initialiseFromData(ps, z, new Random(1));
        // a batch of 64 copies of one vector: one code takes everything, the other 7 decay to ~0
        NDArray narrow = m.zeros(new Shape(64, 4)).add(z.get("0:1"));
        for (int i = 0; i < 60; i++) {
            vq.learn(narrow, vq.quantize(ps, narrow, false).indices().flatten());
        }
        assertThat(vq.restartDeadCodes(z, new Random(2))).isEqualTo(7);
        float[] codes = vq.codes(ps, m.arange(0L, 8L).reshape(8, 1)).toFloatArray();
        float[] rows = z.toFloatArray();
        int codesThatAreRows = 0;
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < 64; i++) {
                if (dist(rows, i, codes, k) == 0) {
                    codesThatAreRows++;
                    break;
                }
            }
        }
        assertThat(codesThatAreRows).isGreaterThanOrEqualTo(7);
        assertThat(vq.restartDeadCodes(z, new Random(3))).as("revived codes are alive").isZero();
    }

    @Test
    void kmeansInitialisationPutsEveryCodeToUse() {
        NDArray z = data(64, 7);
        vq.initialiseFromData(ps, z, new Random(1));
        float[] usage = vq.quantize(ps, z, false).usage().toFloatArray();
        for (float u : usage) {
            assertThat(u).isPositive();
        }
    }
}
