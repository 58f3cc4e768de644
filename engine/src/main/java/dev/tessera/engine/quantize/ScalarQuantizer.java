package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

import java.util.Random;

/**
 * Finite scalar quantization (Mentzer et al. 2023, "Finite Scalar Quantization: VQ-VAE Made
 * Simple"): project to m dimensions, bound dimension i with {@code tanh} to
 * {@code levels[i]} values, round with a straight-through gradient, and project back. The
 * id is the mixed-radix number of the rounded digits. There is no codebook to learn, hence no
 * codebook collapse and no auxiliary loss: the collapse-free baseline.
 */
public final class ScalarQuantizer extends QuantizerBlock {

    private final FsqConfig config;
    private final int[] levels;
    private final Linear projectIn;
    private final Linear projectOut;

    public ScalarQuantizer(FsqConfig config) {
        this.config = config;
        this.levels = config.levels();
        projectIn = addChildBlock("projectIn", Linear.builder().setUnits(levels.length).build());
        projectOut = addChildBlock("projectOut", Linear.builder().setUnits(config.codeDim()).build());
    }

    @Override
    public FsqConfig config() {
        return config;
    }

    private float[] perDim(java.util.function.IntToDoubleFunction f) {
        float[] v = new float[levels.length];
        for (int i = 0; i < levels.length; i++) {
            v[i] = (float) f.applyAsDouble(levels[i]);
        }
        return v;
    }

    /** Digits in [-halfWidth, levels - 1 - halfWidth] of each dimension for rows (N, m), before rounding. */
    NDArray bound(NDArray h) {
        NDManager m = h.getManager();
        Shape row = new Shape(1, levels.length);
        // even level counts sit half a step off zero so both ends get the same number of values
        NDArray half = m.create(perDim(l -> (l - 1) / 2.0), row);
        NDArray offset = m.create(perDim(l -> l % 2 == 0 ? 0.5 : 0.0), row);
        NDArray shift = m.create(perDim(l -> atanh((l % 2 == 0 ? 0.5 : 0.0) / ((l - 1) / 2.0))), row);
        return h.add(shift).tanh().mul(half).sub(offset);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    @Override
    public QuantizeResult quantize(ParameterStore ps, NDArray z, boolean training) {
        NDManager m = z.getManager();
        NDArray h = projectIn.forward(ps, new NDList(z), training).singletonOrThrow();
        NDArray bounded = bound(h);
        NDArray digits = bounded.round();
        NDArray rounded = bounded.add(digits.sub(bounded).stopGradient());
        NDArray halfWidth = m.create(perDim(l -> l / 2), new Shape(1, levels.length));
        NDArray out = projectOut.forward(ps, new NDList(rounded.div(halfWidth)), training).singletonOrThrow();
        NDArray ids = digits.add(halfWidth).mul(m.create(basis(), new Shape(1, levels.length)))
                .sum(new int[] {1}).toType(DataType.INT64, false);
        long n = z.getShape().get(0);
        return new QuantizeResult(out, ids.reshape(n, 1), m.zeros(new Shape()),
                Codebooks.counts(ids, config.codebookSize()).reshape(1, config.codebookSize()),
                bounded.stopGradient().reshape(n, 1, levels.length));
    }

    /** Place values of the mixed-radix id: 1, L0, L0*L1, ... */
    private float[] basis() {
        float[] b = new float[levels.length];
        float acc = 1;
        for (int i = 0; i < levels.length; i++) {
            b[i] = acc;
            acc *= levels[i];
        }
        return b;
    }

    @Override
    public NDArray codes(ParameterStore ps, NDArray indices, int upTo) {
        long[] ids = indices.flatten().toLongArray();
        float[] values = new float[ids.length * levels.length];
        for (int i = 0; i < ids.length; i++) {
            int[] digits = FsqConfig.digits(ids[i], levels);
            for (int d = 0; d < levels.length; d++) {
                int half = levels[d] / 2;
                values[i * levels.length + d] = upTo == 0 ? 0f : (float) (digits[d] - half) / half;
            }
        }
        NDArray normalised = indices.getManager().create(values, new Shape(ids.length, levels.length));
        return projectOut.forward(ps, new NDList(normalised), false).singletonOrThrow();
    }

    @Override
    public void initialiseFromData(ParameterStore ps, NDArray z, Random rng) {
        // nothing to initialise: the grid of codes is fixed
    }

    @Override
    public int afterStep(QuantizeResult result, Random rng, boolean restart) {
        return 0;
    }


    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        projectIn.initialize(manager, dataType, inputShapes[0]);
        projectOut.initialize(manager, dataType, new Shape(inputShapes[0].get(0), levels.length));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {inputShapes[0], new Shape(n, 1), new Shape(), new Shape(1, config.codebookSize()),
            new Shape(n, 1, levels.length)};
    }
}
