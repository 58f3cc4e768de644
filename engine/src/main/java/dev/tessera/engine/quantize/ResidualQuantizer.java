package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Residual (stacked) vector quantization, as UniCode uses to compress images into fewer,
 * richer tokens (RQ-VAE, Lee et al. 2022): level 1 quantizes the input, each next level
 * quantizes what the previous levels left, and the output is the sum of the level codes.
 * Built by composition: a list of {@link VectorQuantizer}s over the residual.
 *
 * <p>Gradients: one estimate for the whole sum, as the levels' {@link VqConfig#gradient()} says:
 * straight-through ({@code z + sg(sum q - z)}) or the rotation trick ({@link Rotation}: {@code z}
 * rotated and scaled onto {@code sum q}). One estimate, not one per level: every level's input
 * moves with {@code z}, so per-level estimates would pass the gradient on once per level (D times
 * the gradient, for straight-through). And a commitment loss per level on that level's residual.
 * Decoding with the first l levels only gives the progressive refinement pictured in notebooks.
 */
public final class ResidualQuantizer extends QuantizerBlock {

    private final ResidualConfig config;
    private final List<VectorQuantizer> levels = new ArrayList<>();

    public ResidualQuantizer(ResidualConfig config) {
        this.config = config;
        for (int l = 0; l < config.depth(); l++) {
            levels.add(addChildBlock("level" + l, new VectorQuantizer(config.level())));
        }
    }

    @Override
    public ResidualConfig config() {
        return config;
    }

    @Override
    public QuantizeResult quantize(ParameterStore ps, NDArray z, boolean training) {
        NDArray residual = z;
        NDArray sum = null;
        NDArray loss = null;
        NDList ids = new NDList();
        NDList usage = new NDList();
        NDList inputs = new NDList();
        for (VectorQuantizer level : levels) {
            CodeLookup hit = level.lookup(ps, residual, training);
            NDArray q = hit.codes().stopGradient();
            sum = sum == null ? q : sum.add(q);
            loss = loss == null ? hit.loss() : loss.add(hit.loss());
            ids.add(hit.ids());
            usage.add(Codebooks.counts(hit.ids(), config.codebookSize()));
            inputs.add(hit.detachedInput());
            residual = residual.sub(q);
        }
        NDArray out;
        if (!training) {
            out = sum;
        } else if (config.level().gradient() == VqConfig.GradientEstimator.ROTATION) {
            out = Rotation.rotateOnto(z, sum);
        } else {
            out = z.add(sum.sub(z).stopGradient());
        }
        return new QuantizeResult(out, NDArrays.stack(ids, 1), loss, NDArrays.stack(usage, 0), NDArrays.stack(inputs, 1));
    }

    @Override
    public NDArray codes(ParameterStore ps, NDArray indices, int upTo) {
        if (upTo < 0 || upTo > config.depth()) {
            throw new IllegalArgumentException("levels must be in 0.." + config.depth() + ", got " + upTo);
        }
        NDArray sum = levels.get(0).codes(ps, indices.get(new NDIndex(":, 0")), upTo == 0 ? 0 : 1);
        for (int l = 1; l < upTo; l++) {
            sum = sum.add(levels.get(l).codes(ps, indices.get(new NDIndex(":, {}", l)), 1));
        }
        return sum;
    }

    @Override
    public void initialiseFromData(ParameterStore ps, NDArray z, Random rng) {
        NDArray residual = z.stopGradient();
        for (VectorQuantizer level : levels) {
            level.seedCodes(residual, rng);
            residual = residual.sub(level.lookup(ps, residual, false).codes());
        }
    }

    @Override
    public int afterStep(QuantizeResult r, Random rng, boolean restart) {
        int restarted = 0;
        for (int l = 0; l < levels.size(); l++) {
            NDArray x = r.levelInputs().get(new NDIndex(":, {}, :", l));
            levels.get(l).learn(x, r.indices().get(new NDIndex(":, {}", l)));
            if (restart) {
                restarted += levels.get(l).restartDeadCodes(x, rng);
            }
        }
        return restarted;
    }


    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (VectorQuantizer level : levels) {
            level.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        int l = config.depth();
        return new Shape[] {inputShapes[0], new Shape(n, l), new Shape(), new Shape(l, config.codebookSize()),
            new Shape(n, l, config.codeDim())};
    }
}
