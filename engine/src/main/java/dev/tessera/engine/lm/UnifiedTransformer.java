package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import dev.tessera.engine.nn.Tensors;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;

import static dev.tessera.engine.nn.Tensors.scalar;

/**
 * A decoder-only transformer over the shared vocabulary of text and image ids: pre-LN blocks
 * of causal multi-head self-attention and a GELU MLP, learned absolute positions, output
 * logits tied to the input embedding. Written from tensor primitives (DJL's encoder block
 * is post-norm and leaks future tokens in training). Image ids get their vectors by one of two
 * {@link EmbeddingMode}s: UniCode's unified codebook or TEAL's joint embedding.
 *
 * <p>{@link #forward(NDManager, NDArray)} scores every position of a batch (training);
 * {@link #forward(NDManager, NDArray, KvCache)} continues a sequence from a {@link KvCache}
 * (generation). A stacked model ({@link ImageStacking}) reads folded positions, each the sum of
 * up to D id embeddings, with {@link #forwardStacked}, and scores a position's image levels with
 * its {@link DepthDecoder}; {@link #forward} reads every id as a position of its own, which is what a
 * stacked model's text, control and decompressed image ids are.
 */
public final class UnifiedTransformer implements AutoCloseable {

    private static final float LN_EPS = 1e-5f;

    private final TransformerConfig config;
    private final VocabularyLayout layout;
    private final EmbeddingMode mode;
    private final ImageStacking stacking;
    private final ParameterSet params;
    /** Which weights the model was built to learn; {@link #train} never unfreezes the others. */
    private final java.util.Map<String, Boolean> own;

    private UnifiedTransformer(TransformerConfig config, VocabularyLayout layout, EmbeddingMode mode, ImageStacking stacking,
                               ParameterSet params, java.util.Map<String, Boolean> own) {
        this.config = config;
        this.layout = layout;
        this.mode = mode;
        this.stacking = stacking;
        this.params = params;
        this.own = java.util.Map.copyOf(own);
    }

    /**
     * A freshly initialised model. {@code codebook} ({@code layout.imageSize()} rows of the image
     * tokenizer's code vectors, level after level) is required for {@link EmbeddingMode#UNIFIED_CODEBOOK}
     * and ignored otherwise; {@code freezeText} keeps the special and text rows fixed (TEAL's frozen
     * text part).
     */
    public static UnifiedTransformer create(TransformerConfig config, VocabularyLayout layout, EmbeddingMode mode,
                                            float[][] codebook, boolean freezeText, long seed) {
        return create(config, layout, mode, ImageStacking.flat(), codebook, freezeText, seed);
    }

    /**
     * As {@link #create(TransformerConfig, VocabularyLayout, EmbeddingMode, float[][], boolean, long)},
     * with image positions laid out by {@code stacking}: a stacked model draws the same weights from
     * the same seed and then its depth transformer's ({@link DepthDecoder}), after all of them.
     */
    public static UnifiedTransformer create(TransformerConfig config, VocabularyLayout layout, EmbeddingMode mode,
                                            ImageStacking stacking, float[][] codebook, boolean freezeText, long seed) {
        if (stacking.folds() && layout.imageLevels() < 2) {
            throw new IllegalArgumentException("stacked images fold the levels of a residual tokenizer into one position, "
                    + "but this tokenizer writes " + layout.imageLevels() + " id per position; use a residual tokenizer "
                    + "(e.g. rvq2-shapes32) or flat images");
        }
        ParameterSet p = new ParameterSet(TesseraRuntime.newManager());
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.width();
        int textRows = layout.imageStart();
        p.normal("embed.text", !freezeText, rng, 0.02, textRows, d);
        if (mode == EmbeddingMode.UNIFIED_CODEBOOK) {
            if (codebook == null || codebook.length != layout.imageSize()) {
                throw new IllegalArgumentException("the unified codebook mode needs the tokenizer's " + layout.imageSize()
                        + " code vectors, got " + (codebook == null ? "none" : codebook.length));
            }
            int dc = codebook[0].length;
            float[] flat = new float[codebook.length * dc];
            for (int i = 0; i < codebook.length; i++) {
                System.arraycopy(codebook[i], 0, flat, i * dc, dc);
            }
            NDArray cb = p.manager().create(flat, new Shape(codebook.length, dc));
            // the model's own copy of the codebook (UniCode's C_L): learned further when the widths
            // match; behind a projection it stays as the tokenizer has it, unless a stage aligns it
            // with the tokenizer (CodebookAlignment makes it learn there)
            p.add("embed.codebook", cb, dc == d);
            if (dc != d) {
                p.normal("embed.codeProjection", rng, 1.0 / Math.sqrt(dc) * 0.02 / rms(flat), dc, d);
            }
        } else {
            p.normal("embed.image", rng, 0.02, layout.imageSize(), d);
            p.normal("embed.imageIn", rng, 1.0 / Math.sqrt(d), d, d);
            p.normal("head.image", rng, 0.02, layout.imageSize(), d);
        }
        p.normal("embed.position", rng, 0.02, config.context(), d);
        double outStd = 0.02 / Math.sqrt(2.0 * config.layers());
        int h = config.mlpRatio() * d;
        for (int l = 0; l < config.layers(); l++) {
            addBlock(p, "block" + l + ".", d, h, outStd, rng);
        }
        p.constant("final.gamma", 1f, d);
        p.constant("final.beta", 0f, d);
        if (stacking.folds()) {
            DepthDecoder.addParameters(p, config, stacking.depthLayers(), layout.imageLevels(), rng);
        }
        return new UnifiedTransformer(config, layout, mode, stacking, p, ParameterGroups.flags(p));
    }

    /** Draws one pre-LN block's weights, named {@code b}*: attention of width {@code d}, an MLP of width {@code h}. */
    static void addBlock(ParameterSet p, String b, int d, int h, double outStd, SplittableRandom rng) {
        p.constant(b + "ln1.gamma", 1f, d);
        p.constant(b + "ln1.beta", 0f, d);
        p.normal(b + "qkv.weight", rng, 0.02, 3L * d, d);
        p.constant(b + "qkv.bias", 0f, 3L * d);
        p.normal(b + "proj.weight", rng, outStd, d, d);
        p.constant(b + "proj.bias", 0f, d);
        p.constant(b + "ln2.gamma", 1f, d);
        p.constant(b + "ln2.beta", 0f, d);
        p.normal(b + "fc.weight", rng, 0.02, h, d);
        p.constant(b + "fc.bias", 0f, h);
        p.normal(b + "out.weight", rng, outStd, d, h);
        p.constant(b + "out.bias", 0f, d);
    }

    private static double rms(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.max(1e-6, Math.sqrt(s / v.length));
    }

    /**
     * This model with {@code wider} as its vocabulary: {@code wider} is this layout with more
     * task tags bound ({@link VocabularyLayout#withTaskTags}). The special-and-text table gets a
     * row per new tag, inserted after the existing special rows, each a copy of the {@code <ask>}
     * row (a new task starts out read like a question, the closest thing the model knows); every
     * other row keeps its values, so the model reads and writes everything else as before. The
     * weights are changed in place: this object must not be used afterwards.
     */
    public UnifiedTransformer withTaskTags(VocabularyLayout wider) {
        // binding appends new tags after the bound ones, so equality also says the old tags kept their ids
        if (!wider.equals(layout.withTaskTags(wider.taskTags()))) {
            throw new IllegalArgumentException("the layout " + wider + " is not this model's " + layout + " with more task tags");
        }
        int added = wider.taskTags().size() - layout.taskTags().size();
        if (added == 0) {
            return this;
        }
        NDArray old = params.get("embed.text");
        int d = config.width();
        float[] rows = old.toFloatArray();
        int specials = layout.specialCount();
        int ask = layout.tagId(dev.tessera.engine.vocab.SpecialToken.ASK.text());
        float[] grown = new float[rows.length + added * d];
        System.arraycopy(rows, 0, grown, 0, specials * d);
        for (int i = 0; i < added; i++) {
            System.arraycopy(rows, ask * d, grown, (specials + i) * d, d);
        }
        System.arraycopy(rows, specials * d, grown, (specials + added) * d, rows.length - specials * d);
        params.replace("embed.text", params.manager().create(grown, new Shape(wider.imageStart(), d)));
        return new UnifiedTransformer(config, wider, mode, stacking, params, own);
    }

    /**
     * This model with a context of {@code longer} positions: the learned position table gets
     * {@code longer - context} new rows, each a copy of the row {@code context / 2} places before
     * it (row {@code p} copies row {@code p - context/2}, repeatedly for a table more than 1.5x as
     * long), so a new position starts out read like one the model knows a little earlier in a
     * sequence rather than as noise; every existing row keeps its values, so every sequence that
     * fitted before is computed exactly as before. The new rows learn in a stage that trains
     * {@code positions}. The weights are changed in place: this object must not be used afterwards.
     * Used to give a pretrained model room for longer tasks (an edit reads one image and writes
     * another).
     */
    public UnifiedTransformer withContext(int longer) {
        int old = config.context();
        if (longer < old) {
            throw new IllegalArgumentException("a model's context can grow, not shrink: it has " + old + " positions, "
                    + "asked for " + longer);
        }
        if (longer == old) {
            return this;
        }
        int d = config.width();
        float[] rows = params.get("embed.position").toFloatArray();
        float[] grown = java.util.Arrays.copyOf(rows, longer * d);
        int back = Math.max(1, old / 2);
        for (int p = old; p < longer; p++) {
            System.arraycopy(grown, (p - back) * d, grown, p * d, d);
        }
        params.replace("embed.position", params.manager().create(grown, new Shape(longer, d)));
        return new UnifiedTransformer(config.withContext(longer), layout, mode, stacking, params, own);
    }

    /**
     * The model's image table in code space, UniCode's {@code C_L} (arXiv 2403.09072): K x
     * codeWidth values row after row (a copy). Only a {@link EmbeddingMode#UNIFIED_CODEBOOK} model has one.
     */
    public float[] imageCodebook() {
        return codebookTable().toFloatArray();
    }

    /**
     * Moves the model's image table toward {@code toward}: {@code C_L' = lambda C_L + (1 - lambda)
     * toward} (the "two-way" arm of UniCode's ablation, which the paper found harmful).
     */
    public void pullImageCodebook(float[] toward, double lambda) {
        NDArray table = codebookTable();
        if (toward.length != table.size()) {
            throw new IllegalArgumentException("a pull target needs " + table.size() + " values, got " + toward.length);
        }
        try (NDManager m = params.manager().newSubManager()) {
            NDArray here = Tensors.local(table, m);
            NDArray t = m.create(toward, table.getShape());
            NDArray moved = here.mul(scalar(here, (float) lambda)).add(t.mul(scalar(t, (float) (1 - lambda))));
            params.replace("embed.codebook", moved);
        }
    }

    private NDArray codebookTable() {
        if (mode != EmbeddingMode.UNIFIED_CODEBOOK) {
            throw new IllegalStateException("only a unified-codebook model (UniCode) has an image codebook table; this one "
                    + "uses " + mode.id());
        }
        return params.get("embed.codebook");
    }

    /**
     * Trains only the weights {@code selection} names ({@link ParameterGroups}; empty: all the
     * model was built to learn) from now on; the names that train.
     */
    public java.util.List<String> train(java.util.List<String> selection) {
        return ParameterGroups.apply(params, own, selection);
    }

    /** The weights {@link #train} would make learn, without changing anything (a check before training). */
    public java.util.List<String> learning(java.util.List<String> selection) {
        return ParameterGroups.learning(params.names(), own, selection);
    }

    public TransformerConfig config() {
        return config;
    }

    public VocabularyLayout layout() {
        return layout;
    }

    public EmbeddingMode mode() {
        return mode;
    }

    /** How image positions are laid out: flat, or stacked with a depth transformer. */
    public ImageStacking stacking() {
        return stacking;
    }

    public ParameterSet parameters() {
        return params;
    }

    /** Logits (B, T, V) for ids (B, T), each position seeing only itself and earlier positions. */
    public NDArray forward(NDManager m, NDArray ids) {
        return forward(m, ids, null);
    }

    /**
     * Logits (B, t, V) for the next {@code t} ids (B, t) after the {@code cache.length()} ids already
     * in {@code cache} (or from position 0 when {@code cache} is null); the cache is extended.
     */
    public NDArray forward(NDManager m, NDArray ids, KvCache cache) {
        int t = (int) ids.getShape().get(1);
        long bs = ids.getShape().get(0);
        NDArray table = cached(cache, "input", () -> inputTable(m));
        NDArray x = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        return logits(m, spatial(m, x, cache), table, cache).reshape(bs, t, layout.size());
    }

    /**
     * The spatial pass of a stacked model over {@code t} folded positions after those in
     * {@code cache} (or from position 0 when null): {@code ids} (B, t, D) holds each position's ids
     * in its slots, {@code slots} (B, t, D, 0/1 floats) says which slots are used (one for a text or
     * control position, D for a stacked image position). A position's input is the sum of its used
     * slots' embeddings (UniCode's summed stacked embedding, arXiv 2403.09072). The cache is extended.
     */
    public StackedOutput forwardStacked(NDManager m, NDArray ids, NDArray slots, KvCache cache) {
        int t = (int) ids.getShape().get(1);
        long bs = ids.getShape().get(0);
        NDArray table = cached(cache, "input", () -> inputTable(m));
        NDArray hidden = spatial(m, foldedInput(table, ids, slots), cache);
        return new StackedOutput(hidden, logits(m, hidden, table, cache).reshape(bs, t, layout.size()));
    }

    /** Each folded position's input (B, t, d): the sum of its used slots' rows of {@code table}. */
    static NDArray foldedInput(NDArray table, NDArray ids, NDArray slots) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow().mul(slots.expandDims(-1))
                .sum(new int[] {2});
    }

    /** Input vectors (B, t, d) through positions, blocks and the final norm: (B*t, d), the cache extended. */
    private NDArray spatial(NDManager m, NDArray x, KvCache cache) {
        int t = (int) x.getShape().get(1);
        int offset = cache == null ? 0 : cache.length();
        if (offset + t > config.context()) {
            throw new IllegalArgumentException("sequence of " + (offset + t) + " tokens is longer than the model's context of "
                    + config.context());
        }
        long bs = x.getShape().get(0);
        int[] pad = cache == null ? null : cache.leftPadding();
        if (pad != null && pad.length != bs) {
            throw new IllegalArgumentException("the cache pads " + pad.length + " rows but the batch has " + bs);
        }
        NDArray pos = pad == null ? p(m, "embed.position").get(new NDIndex(offset + ":" + (offset + t)))
                : paddedPositions(m, pad, offset, t);
        // the residual stream as (B*t, d) rows: libtorch's C++ linear fuses the bias into the
        // matmul (addmm) only for 2-D input, and rows split into heads without copies
        x = x.add(pos).reshape(bs * t, config.width());
        NDArray mask = causalMask(m, t, offset + t);
        if (pad != null) {
            NDArray keyPad = paddingMask(m, pad, offset + t);
            mask = mask == null ? keyPad : keyPad.add(mask);
        }
        for (int l = 0; l < config.layers(); l++) {
            x = block(m, l, x, bs, t, mask, cache);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return norm(m, x, "final");
    }

    private NDArray block(NDManager m, int l, NDArray x, long bs, long t, NDArray mask, KvCache cache) {
        return block(m, "block" + l + ".", l, x, bs, t, mask, cache);
    }

    /**
     * One pre-LN block of the weights named {@code b}* over rows (B*t, d); {@code layer} is its
     * slot in {@code cache} (null: no cache). The depth transformer runs its blocks through here.
     */
    NDArray block(NDManager m, String b, int layer, NDArray x, long bs, long t, NDArray mask, KvCache cache) {
        int d = config.width();
        int dh = config.headWidth();
        NDArray h = norm(m, x, b + "ln1");
        // split, not select on a permuted (3, B, H, t, dh) view: select's backward fills a zero
        // tensor of the whole qkv per slice, split's is one concatenation
        NDList qkv = Linear.linear(h, w(b + "qkv.weight"), w(b + "qkv.bias")).singletonOrThrow().split(3, 1);
        NDArray q = heads(qkv.get(0), bs, t);
        NDArray k = heads(qkv.get(1), bs, t);
        NDArray v = heads(qkv.get(2), bs, t);
        if (cache != null) {
            KeysValues kv = cache.append(layer, k, v, config.context());
            k = kv.keys();
            v = kv.values();
        }
        NDArray scale = cached(cache, "scale", () -> scalar(q, (float) (1.0 / Math.sqrt(dh))));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale);
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray heads = scores.softmax(-1).matMul(v);
        // one new token per row: (B, H, 1, dh) is already (B, d) in memory, no transpose needed
        NDArray att = t == 1 ? heads.reshape(bs, d) : heads.transpose(0, 2, 1, 3).reshape(bs * t, d);
        x = x.add(Linear.linear(att, w(b + "proj.weight"), w(b + "proj.bias")).singletonOrThrow());
        h = norm(m, x, b + "ln2");
        NDArray hidden = Activation.gelu(Linear.linear(h, w(b + "fc.weight"), w(b + "fc.bias")).singletonOrThrow());
        return x.add(Linear.linear(hidden, w(b + "out.weight"), w(b + "out.bias")).singletonOrThrow());
    }

    /** Rows (B*t, d) of one of q, k, v as heads (B, H, t, dh). */
    private NDArray heads(NDArray rows, long bs, long t) {
        if (t == 1) {
            // one token per row: a row's heads are consecutive, so a reshape is the whole move
            return rows.reshape(bs, config.heads(), 1, config.headWidth());
        }
        return rows.reshape(bs, t, config.heads(), config.headWidth()).transpose(0, 2, 1, 3);
    }

    NDArray norm(NDManager m, NDArray x, String prefix) {
        return LayerNorm.layerNorm(x, new Shape(config.width()), w(prefix + ".gamma"), w(prefix + ".beta"), LN_EPS)
                .singletonOrThrow();
    }

    /** Every id's input vector, (V, d). */
    NDArray inputTable(NDManager m) {
        return p(m, "embed.text").concat(imageRows(m), 0);
    }

    /** The image ids' input vectors (D*K, d), level after level: what a stacked position sums. */
    NDArray imageRows(NDManager m) {
        if (mode == EmbeddingMode.UNIFIED_CODEBOOK) {
            NDArray cb = p(m, "embed.codebook");
            return params.has("embed.codeProjection") ? cb.matMul(p(m, "embed.codeProjection")) : cb;
        }
        return p(m, "embed.image").matMul(p(m, "embed.imageIn"));
    }

    /** The rows (D*K, d) that score image ids at the output: tied to the input rows, or TEAL's own head. */
    NDArray imageHead(NDManager m) {
        return mode == EmbeddingMode.UNIFIED_CODEBOOK ? imageRows(m) : p(m, "head.image");
    }

    private NDArray logits(NDManager m, NDArray x, NDArray table, KvCache cache) {
        if (mode == EmbeddingMode.UNIFIED_CODEBOOK) {
            return x.matMul(cached(cache, "output", () -> table.transpose()));
        }
        NDArray text = x.matMul(cached(cache, "output.text", () -> p(m, "embed.text").transpose()));
        return text.concat(x.matMul(cached(cache, "output.image", () -> p(m, "head.image").transpose())), -1);
    }

    /** {@code make}'s array, once per decode when there is a cache. */
    private static NDArray cached(KvCache cache, String name, java.util.function.Supplier<NDArray> make) {
        return cache == null ? make.get() : cache.table(name, make);
    }

    /** Additive mask (t, total): query i (at absolute position total - t + i) sees keys 0..that position. */
    static NDArray causalMask(NDManager m, int t, int total) {
        if (t == 1) {
            return null;
        }
        float[] v = new float[t * total];
        int offset = total - t;
        for (int i = 0; i < t; i++) {
            for (int j = offset + i + 1; j < total; j++) {
                v[i * total + j] = -1e9f;
            }
        }
        return m.create(v, new Shape(t, total));
    }

    /** Position vectors (B, t, d) of rows that start with {@code pad[i]} padding ids. */
    private NDArray paddedPositions(NDManager m, int[] pad, int offset, int t) {
        long[] at = new long[pad.length * t];
        for (int i = 0; i < pad.length; i++) {
            for (int k = 0; k < t; k++) {
                at[i * t + k] = Math.max(0, offset + k - pad[i]);
            }
        }
        return Embedding.embedding(m.create(at, new Shape(pad.length, t)), p(m, "embed.position"), SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /** Additive mask (B, 1, 1, total) hiding each row's padding keys. */
    private static NDArray paddingMask(NDManager m, int[] pad, int total) {
        float[] v = new float[pad.length * total];
        for (int i = 0; i < pad.length; i++) {
            java.util.Arrays.fill(v, i * total, i * total + Math.min(pad[i], total), -1e9f);
        }
        return m.create(v, new Shape(pad.length, 1, 1, total));
    }

    /**
     * The weight {@code name} as a view owned by {@code m}: what an operation takes as its first
     * operand, since the result joins the first operand's manager (the view's backward leads to
     * the weight).
     */
    NDArray p(NDManager m, String name) {
        return Tensors.local(params.get(name), m);
    }

    /**
     * The weight {@code name} itself, for any other operand (a matrix, bias or norm scale): no
     * view is made, which saves a native call per weight per step.
     */
    private NDArray w(String name) {
        return params.get(name);
    }

    public void save(OutputStream out) throws IOException {
        params.save(out);
    }

    public void load(InputStream in) throws IOException {
        params.load(in);
    }

    @Override
    public void close() {
        params.close();
    }
}
