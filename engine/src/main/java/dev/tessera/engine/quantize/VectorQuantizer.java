package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.Random;

/**
 * Nearest-code vector quantizer with an EMA codebook (van den Oord et al. 2017; the
 * tokenizer of UniCode, arXiv 2403.09072): each input row becomes its nearest code,
 * gradients pass straight through to the encoder, and codes follow the mean of the vectors
 * assigned to them by exponential moving average rather than by gradient descent.
 *
 * <p>Also does k-means initialisation on a first batch and dead-code restart (codes whose
 * EMA cluster size falls below a threshold are re-seeded from encoder outputs), the two
 * practices that keep codebook utilization high.
 *
 * <p>Input: (N, D). Outputs as an NDList: quantized (N, D), indices (N), commitment loss
 * (scalar), usage (K) — the fields of {@link QuantizeResult}.
 */
public final class VectorQuantizer extends AbstractBlock {

    private final QuantizerConfig config;
    private final Parameter codebook;
    private final Parameter emaCount;
    private final Parameter emaSum;

    public VectorQuantizer(QuantizerConfig config) {
        this.config = config;
        Shape codes = new Shape(config.codebookSize(), config.codeDim());
        codebook = addParameter(Parameter.builder().setName("codebook").setType(Parameter.Type.OTHER)
                .optShape(codes).optInitializer(new NormalInitializer(1f)).optRequiresGrad(false).build());
        emaCount = addParameter(Parameter.builder().setName("emaCount").setType(Parameter.Type.OTHER)
                .optShape(new Shape(config.codebookSize())).optInitializer(Initializer.ONES)
                .optRequiresGrad(false).build());
        emaSum = addParameter(Parameter.builder().setName("emaSum").setType(Parameter.Type.OTHER)
                .optShape(codes).optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
    }

    public QuantizerConfig config() {
        return config;
    }

    /** Quantizes rows of {@code z} (N, D); see {@link QuantizeResult}. */
    public QuantizeResult quantize(NDArray z, boolean training) {
        NDArray codes = local(codebook.getArray(), z.getManager());
        NDArray idx = Codebooks.nearest(z.stopGradient(), codes);
        NDArray q = codes.get(new NDIndex("{}", idx));
        NDArray commitment = z.sub(q).square().mean().mul((float) config.beta());
        NDArray out = training ? z.add(q.sub(z).stopGradient()) : q;
        return new QuantizeResult(out, idx, commitment, Codebooks.counts(idx, config.codebookSize()));
    }

    /** The code vectors of {@code indices} (any shape), shape {@code indices.shape + (D)}. */
    public NDArray codes(NDArray indices) {
        NDArray codes = local(codebook.getArray(), indices.getManager());
        Shape shape = indices.getShape();
        return codes.get(new NDIndex("{}", indices.flatten())).reshape(shape.addAll(new Shape(config.codeDim())));
    }

    /** One EMA step from the (detached) inputs of the last batch and their codes. */
    public void emaUpdate(NDArray z, NDArray indices) {
        NDManager m = z.getManager();
        NDArray[] next = Codebooks.emaUpdate(z.stopGradient(), indices,
                local(emaCount.getArray(), m), local(emaSum.getArray(), m), config.emaDecay());
        replace(emaCount, next[0]);
        replace(emaSum, next[1]);
        replace(codebook, next[2]);
    }

    /** Sets the codebook by k-means on {@code z} (N, D), N >= K, seeded from random rows. */
    public void initialiseFromData(NDArray z, Random rng) {
        NDManager m = z.getManager();
        NDArray flat = z.stopGradient();
        NDArray init = flat.get(new NDIndex("{}", m.create(sampleRows(flat.getShape().get(0), rng))));
        NDArray centres = Codebooks.kmeans(flat, init, config.kmeansIterations());
        NDArray counts = Codebooks.counts(Codebooks.nearest(flat, centres), config.codebookSize()).maximum(1f);
        replace(codebook, centres);
        replace(emaCount, counts);
        replace(emaSum, centres.mul(counts.expandDims(1)));
    }

    /**
     * Re-seeds every code whose EMA cluster size is below the threshold with a random row of
     * {@code z}. Returns how many codes were restarted.
     */
    public int restartDeadCodes(NDArray z, Random rng) {
        if (config.deadCodeThreshold() <= 0) {
            return 0;
        }
        float[] count = emaCount.getArray().toFloatArray();
        int k = config.codebookSize();
        int d = config.codeDim();
        float[] codes = codebook.getArray().toFloatArray();
        float[] sums = emaSum.getArray().toFloatArray();
        float[] rows = null;
        int n = (int) z.getShape().get(0);
        int restarted = 0;
        for (int c = 0; c < k; c++) {
            if (count[c] >= config.deadCodeThreshold()) {
                continue;
            }
            if (rows == null) {
                rows = z.stopGradient().toFloatArray();
            }
            int r = rng.nextInt(n);
            System.arraycopy(rows, r * d, codes, c * d, d);
            System.arraycopy(rows, r * d, sums, c * d, d);
            count[c] = 1f;
            restarted++;
        }
        if (restarted > 0) {
            NDManager m = z.getManager();
            replace(codebook, m.create(codes, new Shape(k, d)));
            replace(emaSum, m.create(sums, new Shape(k, d)));
            replace(emaCount, m.create(count));
        }
        return restarted;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        QuantizeResult r = quantize(inputs.singletonOrThrow(), training);
        return new NDList(r.quantized(), r.indices(), r.commitmentLoss(), r.usage());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {inputShapes[0], new Shape(n), new Shape(), new Shape(config.codebookSize())};
    }

    private long[] sampleRows(long n, Random rng) {
        long[] rows = new long[config.codebookSize()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (long) (rng.nextDouble() * n);
        }
        return rows;
    }

    /**
     * A copy of a parameter's tensor owned by {@code m}: operations on it then allocate in
     * the caller's per-step manager instead of leaking into the model's (STACK.md).
     */
    private static NDArray local(NDArray param, NDManager m) {
        NDArray copy = param.duplicate();
        copy.attach(m);
        return copy;
    }

    /** Overwrites a parameter's storage in place, on its device. */
    private static void replace(Parameter p, NDArray value) {
        NDArray target = p.getArray();
        NDArray copy = value.toType(DataType.FLOAT32, true);
        target.intern(copy);
    }
}
