package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;

import java.util.SplittableRandom;

/**
 * RQ-Transformer's depth transformer (Lee et al. 2022, arXiv 2203.01941) for a stacked model: the
 * D codes of one image position are predicted one level after the other, each conditioned on the
 * levels before it at that position, not by D independent heads. For a position whose context is
 * the spatial hidden state {@code h}, a small causal transformer over depth reads
 * {@code [h, e(c0), e(c0) + e(c1), ...]} (the partial residual sums, in the model's own image
 * embedding rows) plus learned depth positions, and its output at step {@code l} scores level
 * {@code l}'s K codes with that level's image output rows (tied to the embedding under UniCode's
 * unified codebook, TEAL's image head otherwise), so step {@code l} sees only codes {@code < l}.
 *
 * <p>Weights, all in the model's {@link ParameterSet}: {@code depth.position} (D, d),
 * {@code depth.block<i>.*} (pre-LN blocks of the model's width and heads) and {@code depth.final.*}.
 */
public final class DepthDecoder {

    private DepthDecoder() {
    }

    /** Draws the depth transformer's weights for {@code levels} levels and {@code layers} blocks. */
    static void addParameters(ParameterSet p, TransformerConfig config, int layers, int levels, SplittableRandom rng) {
        int d = config.width();
        int h = config.mlpRatio() * d;
        double outStd = 0.02 / Math.sqrt(2.0 * layers);
        p.normal("depth.position", rng, 0.02, levels, d);
        for (int l = 0; l < layers; l++) {
            UnifiedTransformer.addBlock(p, "depth.block" + l + ".", d, h, outStd, rng);
        }
        p.constant("depth.final.gamma", 1f, d);
        p.constant("depth.final.beta", 0f, d);
    }

    /**
     * Level logits (S, L+1, K) for levels 0..L of S positions: {@code hidden} (S, d) is each
     * position's spatial context, {@code codes} (S, L, int64) its true (training) or chosen
     * (generation) codes of levels 0..L-1, or null when L = 0. Teacher forcing passes L = D-1.
     */
    public static NDArray logits(UnifiedTransformer model, NDManager m, NDArray hidden, NDArray codes) {
        int depth = model.layout().imageLevels();
        int k = model.layout().codebookSize();
        int d = model.config().width();
        int steps = codes == null ? 1 : (int) codes.getShape().get(1) + 1;
        if (steps > depth) {
            throw new IllegalArgumentException("a position has " + depth + " levels; got codes of " + (steps - 1));
        }
        long s = hidden.getShape().get(0);
        NDArray x = hidden.expandDims(1);
        if (codes != null) {
            // level l's code c is image row l*K + c; the running sum is the partial residual reconstruction
            long[] offsets = new long[steps - 1];
            for (int l = 0; l < offsets.length; l++) {
                offsets[l] = (long) l * k;
            }
            NDArray rows = codes.add(m.create(offsets, new Shape(1, offsets.length)));
            NDArray e = Embedding.embedding(rows, model.imageRows(m), SparseFormat.DENSE).singletonOrThrow();
            x = x.concat(e.cumSum(1), 1);
        }
        x = x.add(model.p(m, "depth.position").get(new NDIndex("0:" + steps))).reshape(s * steps, d);
        NDArray mask = UnifiedTransformer.causalMask(m, steps, steps);
        for (int l = 0; l < model.stacking().depthLayers(); l++) {
            x = model.block(m, "depth.block" + l + ".", l, x, s, steps, mask, null);
        }
        x = model.norm(m, x, "depth.final").reshape(s, steps, d);
        // step l against level l's output rows: (steps, S, d) x (steps, d, K)
        NDArray head = model.imageHead(m).get(new NDIndex("0:" + (long) steps * k)).reshape(steps, k, d);
        return x.transpose(1, 0, 2).matMul(head.transpose(0, 2, 1)).transpose(1, 0, 2);
    }

    /** NLL (S, D) of each position's D true codes {@code codes} (S, D, int64), teacher-forced. */
    public static NDArray nll(UnifiedTransformer model, NDManager m, NDArray hidden, NDArray codes) {
        int depth = model.layout().imageLevels();
        NDArray previous = codes.get(new NDIndex(":, 0:" + (depth - 1)));
        return SequenceLoss.tokenNll(logits(model, m, hidden, previous), codes);
    }
}
