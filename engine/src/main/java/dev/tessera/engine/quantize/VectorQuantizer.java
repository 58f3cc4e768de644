package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;

import java.util.Random;

import static dev.tessera.engine.nn.Tensors.scalar;
import static dev.tessera.engine.nn.Tensors.l2normalize;
import static dev.tessera.engine.nn.Tensors.local;
import static dev.tessera.engine.nn.Tensors.replace;

/**
 * Nearest-code vector quantizer (van den Oord et al. 2017; the tokenizer of UniCode,
 * arXiv 2403.09072): each input row becomes its nearest code. Options ({@link VqConfig}):
 * EMA or gradient-learned codes, cosine lookup, low-width codes behind projections,
 * straight-through or rotation-trick gradients, k-means initialisation and dead-code restart.
 *
 * <p>The EMA buffers double as usage statistics: {@code emaCount} is the smoothed number of
 * assignments per code per batch, which decides dead-code restarts in both update modes.
 */
public final class VectorQuantizer extends QuantizerBlock {

    private final VqConfig config;
    private final Parameter codebook;
    private final Parameter emaCount;
    private final Parameter emaSum;
    private final Linear projectIn;
    private final Linear projectOut;

    public VectorQuantizer(VqConfig config) {
        this.config = config;
        Shape codes = new Shape(config.codebookSize(), config.codeWidth());
        boolean learned = config.update() == VqConfig.CodebookUpdate.GRADIENT;
        codebook = addParameter(Parameter.builder().setName("codebook").setType(Parameter.Type.OTHER)
                .optShape(codes).optInitializer(new NormalInitializer(1f)).optRequiresGrad(learned).build());
        emaCount = addParameter(Parameter.builder().setName("emaCount").setType(Parameter.Type.OTHER)
                .optShape(new Shape(config.codebookSize())).optInitializer(Initializer.ONES)
                .optRequiresGrad(false).build());
        emaSum = addParameter(Parameter.builder().setName("emaSum").setType(Parameter.Type.OTHER)
                .optShape(codes).optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
        if (config.projected()) {
            projectIn = addChildBlock("projectIn", Linear.builder().setUnits(config.codeWidth()).build());
            projectOut = addChildBlock("projectOut", Linear.builder().setUnits(config.codeDim()).build());
        } else {
            projectIn = null;
            projectOut = null;
        }
    }

    @Override
    public VqConfig config() {
        return config;
    }

    /**
     * The nearest code of each row of {@code x} (N, codeWidth; already unit-length when the
     * lookup is cosine).
     */
    CodeLookup lookup(ParameterStore ps, NDArray x, boolean training) {
        NDArray codes = local(ps.getValue(codebook, x.getDevice(), training), x.getManager());
        if (config.cosine()) {
            codes = l2normalize(codes);
        }
        NDArray idx = Codebooks.nearest(x.stopGradient(), codes.stopGradient());
        NDArray q = codes.get(new NDIndex("{}", idx));
        NDArray loss = x.sub(q.stopGradient()).square().mean().mul(scalar(x, (float) config.beta()));
        if (config.update() == VqConfig.CodebookUpdate.GRADIENT) {
            loss = loss.add(x.stopGradient().sub(q).square().mean());
        }
        return new CodeLookup(idx, q, loss, x.stopGradient());
    }

    @Override
    public QuantizeResult quantize(ParameterStore ps, NDArray z, boolean training) {
        NDArray x = config.projected() ? projectIn.forward(ps, new NDList(z), training).singletonOrThrow() : z;
        NDArray xs = config.cosine() ? l2normalize(x) : x;
        CodeLookup hit = lookup(ps, xs, training);
        NDArray q = hit.codes();
        NDArray out;
        if (!training) {
            out = q;
        } else if (config.gradient() == VqConfig.GradientEstimator.ROTATION) {
            out = Rotation.rotateOnto(xs, q);
        } else {
            out = xs.add(q.sub(xs).stopGradient());
        }
        if (config.projected()) {
            out = projectOut.forward(ps, new NDList(out), training).singletonOrThrow();
        }
        long n = z.getShape().get(0);
        return new QuantizeResult(out, hit.ids().reshape(n, 1), hit.loss(),
                Codebooks.counts(hit.ids(), config.codebookSize()).reshape(1, config.codebookSize()),
                hit.detachedInput().reshape(n, 1, config.codeWidth()));
    }

    @Override
    public NDArray codes(ParameterStore ps, NDArray indices, int levels) {
        NDArray codes = local(ps.getValue(codebook, indices.getDevice(), false), indices.getManager());
        if (config.cosine()) {
            codes = l2normalize(codes);
        }
        NDArray q = codes.get(new NDIndex("{}", indices.flatten()));
        if (levels == 0) {
            q = q.zerosLike();
        }
        return config.projected() ? projectOut.forward(ps, new NDList(q), false).singletonOrThrow() : q;
    }

    @Override
    public void initialiseFromData(ParameterStore ps, NDArray z, Random rng) {
        NDArray x = config.projected() ? projectIn.forward(ps, new NDList(z), false).singletonOrThrow() : z;
        seedCodes(x.stopGradient(), rng);
    }

    /** k-means on rows already in code space (N, codeWidth). */
    void seedCodes(NDArray x, Random rng) {
        NDManager m = x.getManager();
        if (config.cosine()) {
            x = l2normalize(x);
        }
        long n = x.getShape().get(0);
        long[] rows = new long[config.codebookSize()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (long) (rng.nextDouble() * n);
        }
        NDArray init = x.get(new NDIndex("{}", m.create(rows)));
        NDArray centres = Codebooks.kmeans(x, init, config.kmeansIterations());
        NDArray counts = Codebooks.counts(Codebooks.nearest(x, centres), config.codebookSize()).maximum(scalar(x, 1f));
        replace(codebook, centres);
        replace(emaCount, counts);
        replace(emaSum, centres.mul(counts.expandDims(1)));
    }

    @Override
    public int afterStep(QuantizeResult r, Random rng, boolean restart) {
        NDArray x = r.levelInputs().reshape(-1, config.codeWidth());
        NDArray idx = r.indices().flatten();
        learn(x, idx);
        return restart ? restartDeadCodes(x, rng) : 0;
    }

    /** EMA step on (detached) inputs in code space and their ids; with learned codes only the usage is tracked. */
    void learn(NDArray x, NDArray idx) {
        NDManager m = x.getManager();
        NDArray[] next = Codebooks.emaUpdate(x, idx, local(emaCount.getArray(), m), local(emaSum.getArray(), m),
                config.emaDecay());
        replace(emaCount, next[0]);
        if (config.update() == VqConfig.CodebookUpdate.EMA) {
            replace(emaSum, next[1]);
            replace(codebook, config.cosine() ? l2normalize(next[2]) : next[2]);
        }
    }

    /**
     * One EMA step of the codebook alone on encoder rows {@code z} (N, codeDim), every other weight
     * fixed: the tokenizer step of UniCode's language-driven iterative training (arXiv 2403.09072)
     * when the encoder and decoder stay as shipped. Needs EMA codes.
     */
    public void emaStep(ParameterStore ps, NDArray z) {
        requireAlignable();
        NDArray x = config.projected() ? projectIn.forward(ps, new NDList(z), false).singletonOrThrow() : z;
        CodeLookup hit = lookup(ps, config.cosine() ? l2normalize(x) : x, false);
        learn(hit.detachedInput(), hit.ids());
    }

    /**
     * Moves the codes toward {@code toward} (K x codeWidth values, row after row):
     * {@code C' = lambda C + (1 - lambda) toward}, with the EMA sums moved along so the next
     * {@link #emaStep} continues from there ({@link Codebooks#pull}).
     */
    public void pullToward(float[] toward, double lambda) {
        requireAlignable();
        int k = config.codebookSize();
        int w = config.codeWidth();
        if (toward.length != k * w) {
            throw new IllegalArgumentException("a pull target needs " + k + " x " + w + " values, got " + toward.length);
        }
        try (NDManager m = codebook.getArray().getManager().newSubManager()) {
            NDArray[] next = Codebooks.pull(local(codebook.getArray(), m), m.create(toward, new Shape(k, w)),
                    local(emaCount.getArray(), m), lambda);
            replace(codebook, config.cosine() ? l2normalize(next[0]) : next[0]);
            replace(emaSum, next[1]);
        }
    }

    /** The codes, K x codeWidth values row after row (a copy). */
    public float[] codebookValues() {
        return codebook.getArray().toFloatArray();
    }

    private void requireAlignable() {
        if (config.update() != VqConfig.CodebookUpdate.EMA) {
            throw new IllegalStateException("this quantizer learns its codes by gradient, not EMA; UniCode's alignment "
                    + "steps need an EMA codebook (VqConfig update EMA)");
        }
    }

    /**
     * Re-seeds every code whose EMA cluster size is below the threshold with a random row of
     * {@code x} (N, codeWidth). Returns how many codes were restarted.
     */
    int restartDeadCodes(NDArray x, Random rng) {
        if (config.deadCodeThreshold() <= 0) {
            return 0;
        }
        float[] count = emaCount.getArray().toFloatArray();
        int k = config.codebookSize();
        int d = config.codeWidth();
        float[] codes = null;
        float[] sums = null;
        float[] rows = null;
        int n = (int) x.getShape().get(0);
        int restarted = 0;
        for (int c = 0; c < k; c++) {
            if (count[c] >= config.deadCodeThreshold()) {
                continue;
            }
            if (rows == null) {
                rows = x.toFloatArray();
                codes = codebook.getArray().toFloatArray();
                sums = emaSum.getArray().toFloatArray();
            }
            int r = rng.nextInt(n);
            System.arraycopy(rows, r * d, codes, c * d, d);
            System.arraycopy(rows, r * d, sums, c * d, d);
            count[c] = 1f;
            restarted++;
        }
        if (restarted > 0) {
            NDManager m = x.getManager();
            replace(codebook, m.create(codes, new Shape(k, d)));
            replace(emaSum, m.create(sums, new Shape(k, d)));
            replace(emaCount, m.create(count));
        }
        return restarted;
    }


    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (config.projected()) {
            projectIn.initialize(manager, dataType, inputShapes[0]);
            projectOut.initialize(manager, dataType, new Shape(inputShapes[0].get(0), config.codeWidth()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {inputShapes[0], new Shape(n, 1), new Shape(), new Shape(1, config.codebookSize()),
            new Shape(n, 1, config.codeWidth())};
    }
}
