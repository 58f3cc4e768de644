package dev.tessera.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LN cross-attention layer written from primitives (DJL's transformer blocks are
 * unusable here): queries attend to a padded set of context vectors, then an MLP;
 * both with residual connections. Inputs: queries (B, P, W), context (B, M, W), and the
 * context mask (B, M) with 1 for real entries and 0 for padding. Output: (B, P, W).
 */
public final class CrossAttention extends AbstractBlock {

    private final int width;
    private final int heads;
    private final LayerNorm queryNorm;
    private final LayerNorm contextNorm;
    private final Linear q;
    private final Linear k;
    private final Linear v;
    private final Linear out;
    private final LayerNorm mlpNorm;
    private final Linear up;
    private final Linear down;

    public CrossAttention(int width, int heads) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " must be divisible by heads " + heads);
        }
        this.width = width;
        this.heads = heads;
        queryNorm = addChildBlock("queryNorm", LayerNorm.builder().axis(2).build());
        contextNorm = addChildBlock("contextNorm", LayerNorm.builder().axis(2).build());
        q = addChildBlock("q", Linear.builder().setUnits(width).build());
        k = addChildBlock("k", Linear.builder().setUnits(width).build());
        v = addChildBlock("v", Linear.builder().setUnits(width).build());
        out = addChildBlock("out", Linear.builder().setUnits(width).build());
        mlpNorm = addChildBlock("mlpNorm", LayerNorm.builder().axis(2).build());
        up = addChildBlock("up", Linear.builder().setUnits(2L * width).build());
        down = addChildBlock("down", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray ctx = contextNorm.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
        NDArray mask = inputs.get(2);
        long b = x.getShape().get(0);
        long p = x.getShape().get(1);
        long m = ctx.getShape().get(1);
        int dh = width / heads;
        NDArray h = queryNorm.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray qh = split(apply(q, ps, h, training), b, p, dh);
        NDArray kh = split(apply(k, ps, ctx, training), b, m, dh);
        NDArray vh = split(apply(v, ps, ctx, training), b, m, dh);
        // padding gets a large negative score: an additive mask broadcasts, DJL's where() does not
        NDArray bias = mask.neg().add(Tensors.scalar(mask, 1f)).mul(Tensors.scalar(mask, -1e9f)).reshape(b, 1, 1, m);
        NDArray attn = qh.matMul(kh.transpose(0, 1, 3, 2)).div(Tensors.scalar(qh, (float) Math.sqrt(dh))).add(bias).softmax(-1);
        NDArray mixed = attn.matMul(vh).transpose(0, 2, 1, 3).reshape(b, p, width);
        x = x.add(apply(out, ps, mixed, training));
        NDArray g = apply(up, ps, mlpNorm.forward(ps, new NDList(x), training).singletonOrThrow(), training);
        return new NDList(x.add(apply(down, ps, Activation.gelu(g), training)));
    }

    private static NDArray apply(Linear layer, ParameterStore ps, NDArray x, boolean training) {
        return layer.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    private NDArray split(NDArray x, long b, long n, int dh) {
        return x.reshape(b, n, heads, dh).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape qs = inputShapes[0];
        Shape cs = inputShapes[1];
        queryNorm.initialize(manager, dataType, qs);
        contextNorm.initialize(manager, dataType, cs);
        q.initialize(manager, dataType, qs);
        k.initialize(manager, dataType, cs);
        v.initialize(manager, dataType, cs);
        out.initialize(manager, dataType, qs);
        mlpNorm.initialize(manager, dataType, qs);
        up.initialize(manager, dataType, qs);
        down.initialize(manager, dataType, new Shape(qs.get(0), qs.get(1), 2L * width));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
