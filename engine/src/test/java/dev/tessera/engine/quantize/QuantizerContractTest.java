package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The contract every quantizer variant keeps, checked on each of them. */
class QuantizerContractTest {

    static final int D = 8;
    static final int N = 64;

    static Stream<QuantizerConfig> variants() {
        VqConfig vq = new VqConfig(16, D, 0, VqConfig.CodebookUpdate.EMA, false, VqConfig.GradientEstimator.STE,
                0.25, 0.9, 0.5, 5);
        return Stream.of(
                vq,
                vq.withCosine(true),
                vq.withLookupDim(3),
                vq.withUpdate(VqConfig.CodebookUpdate.GRADIENT).withGradient(VqConfig.GradientEstimator.ROTATION),
                new ResidualConfig(vq, 3),
                new ResidualConfig(vq.withGradient(VqConfig.GradientEstimator.ROTATION), 3),
                new FsqConfig(new int[] {4, 3, 2}, D));
    }

    private NDManager m;
    private ParameterStore ps;

    @BeforeEach
    void open() {
        m = TesseraRuntime.newManager();
        ps = new ParameterStore(m, false);
        TesseraRuntime.engine().setRandomSeed(5);
    }

    @AfterEach
    void close() {
        m.close();
    }

    private Quantizer build(QuantizerConfig c) {
        Quantizer q = c.create();
        q.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        q.setInitializer(ai.djl.training.initializer.Initializer.ZEROS, Parameter.Type.BIAS);
        q.initialize(m, DataType.FLOAT32, new Shape(N, D));
        return q;
    }

    private NDArray data(long seed) {
        Random r = new Random(seed);
        float[] x = new float[N * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return m.create(x, new Shape(N, D));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void resultShapesFollowTheConfig(QuantizerConfig c) {
        Quantizer q = build(c);
        q.initialiseFromData(ps, data(1), new Random(1));
        QuantizeResult r = q.quantize(ps, data(2), false);
        int l = c.depth();
        assertThat(r.quantized().getShape()).isEqualTo(new Shape(N, D));
        assertThat(r.indices().getShape()).isEqualTo(new Shape(N, l));
        assertThat(r.indices().getDataType()).isEqualTo(DataType.INT64);
        assertThat(r.usage().getShape()).isEqualTo(new Shape(l, c.codebookSize()));
        assertThat(r.loss().getShape()).isEqualTo(new Shape());
        assertThat(r.levelInputs().getShape().get(0)).isEqualTo(N);
        assertThat(r.levelInputs().getShape().get(1)).isEqualTo(l);
        for (float s : r.usage().sum(new int[] {1}).toFloatArray()) {
            assertThat(s).as("every vector counted once per level").isEqualTo(N);
        }
        for (long id : r.indices().toLongArray()) {
            assertThat(id).isBetween(0L, (long) c.codebookSize() - 1);
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void indicesToCodesGiveTheQuantizedVectors(QuantizerConfig c) {
        Quantizer q = build(c);
        q.initialiseFromData(ps, data(1), new Random(1));
        QuantizeResult r = q.quantize(ps, data(3), false);
        assertThat(q.codes(ps, r.indices()).toFloatArray()).containsExactly(r.quantized().toFloatArray(), within(1e-5f));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void trainingModeHasTheSameValueAndPassesGradientsToTheInput(QuantizerConfig c) {
        Quantizer q = build(c);
        q.initialiseFromData(ps, data(1), new Random(1));
        NDArray z = data(4);
        NDArray inference = q.quantize(ps, z, false).quantized();
        z.setRequiresGradient(true);
        NDArray value;
        try (GradientCollector gc = TesseraRuntime.engine().newGradientCollector()) {
            QuantizeResult r = q.quantize(ps, z, true);
            value = r.quantized().stopGradient();
            gc.backward(r.quantized().sum());
        }
        assertThat(value.toFloatArray()).containsExactly(inference.toFloatArray(), within(1e-4f));
        assertThat(z.getGradient().abs().sum().getFloat()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void afterStepKeepsTheContractAndCountsRestarts(QuantizerConfig c) {
        Quantizer q = build(c);
        q.initialiseFromData(ps, data(1), new Random(1));
        QuantizeResult r = q.quantize(ps, data(5), false);
        assertThat(q.afterStep(r, new Random(2), false)).as("no restart asked, none done").isZero();
        q.afterStep(r, new Random(2), true);
        QuantizeResult again = q.quantize(ps, data(5), false);
        assertThat(q.codes(ps, again.indices()).toFloatArray()).containsExactly(again.quantized().toFloatArray(), within(1e-5f));
    }

    /**
     * A stream of one repeated row keeps one code per level alive; after 60 EMA steps (decay 0.9)
     * every other code's usage is far below the threshold, so a restart re-seeds exactly
     * K-1 codes per level. FSQ has no codebook and restarts nothing.
     */
    @ParameterizedTest
    @MethodSource("variants")
    void aRestartReseedsExactlyTheCodesAOneRowStreamLeftDead(QuantizerConfig c) {
        Quantizer q = build(c);
        q.initialiseFromData(ps, data(1), new Random(1));
        NDArray one = data(7).get(new ai.djl.ndarray.index.NDIndex("0:1")).repeat(0, N);
        for (int s = 0; s < 60; s++) {
            q.afterStep(q.quantize(ps, one, false), new Random(s), false);
        }
        int restarted = q.afterStep(q.quantize(ps, one, false), new Random(2), true);
        assertThat(restarted).isEqualTo(c instanceof FsqConfig ? 0 : (c.codebookSize() - 1) * c.depth());
    }
}
