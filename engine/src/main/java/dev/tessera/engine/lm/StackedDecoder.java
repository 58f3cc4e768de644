package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import dev.tessera.engine.runtime.IntraOpThreads;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.Arrays;

/**
 * Draws images with a stacked model (RQ-Transformer's generation, Lee et al. 2022, arXiv
 * 2203.01941): for each grid position the {@link DepthDecoder} samples level 0, then level 1 given
 * level 0, and so on from the spatial hidden state; the position's D codes are then fed back as one
 * folded position through the spatial transformer's {@link KvCache}, so a 64-position image costs 64
 * spatial steps whatever its depth. Classifier-free guidance runs the unconditional prompts in the
 * same batch and mixes every level's logits, as {@link Decoder} does for flat ids.
 */
public final class StackedDecoder {

    private StackedDecoder() {
    }

    /**
     * Flat image ids ({@code positions * D} per prompt, levels inner, ready for
     * {@code SharedVocabulary#decodeImage}) continuing each prompt (which ends with {@code <boi>}).
     */
    public static int[][] images(UnifiedTransformer model, int[][] prompts, int positions, Sampler sampler,
                                 int[][] unconditional, double cfgScale) {
        if (!model.stacking().folds()) {
            throw new IllegalArgumentException("only a stacked model draws folded image positions; use Decoder");
        }
        VocabularyLayout layout = model.layout();
        int depth = layout.imageLevels();
        int k = layout.codebookSize();
        int b = prompts.length;
        boolean guided = unconditional != null && cfgScale != 1.0;
        int[][] rows = guided ? Decoder.concat(prompts, unconditional) : prompts;
        int r = rows.length;
        int[][] out = new int[b][positions * depth];
        try (NDManager m = TesseraRuntime.newManager()) {
            FoldedBatch folded = FoldedBatch.of(Arrays.stream(rows).map(x -> Folding.of(x, layout)).toList(), depth,
                    layout.id(SpecialToken.PAD), true, null);
            KvCache cache = new KvCache(model.config().layers(), folded.padding());
            NDArray hidden = model.forwardStacked(m, folded.idArray(m), folded.slotArray(m), cache).hidden();
            long[] last = new long[r];
            for (int i = 0; i < r; i++) {
                last[i] = (long) (i + 1) * folded.positions() - 1;
            }
            NDArray h = Embedding.embedding(m.create(last), hidden, SparseFormat.DENSE).singletonOrThrow();
            // one position at a time for a few rows: see IntraOpThreads
            try (IntraOpThreads threads = IntraOpThreads.forRows(r)) {
                for (int p = 0; p < positions; p++) {
                    try (NDManager s = m.newSubManager()) {
                        long[] codes = new long[r * depth];
                        for (int level = 0; level < depth; level++) {
                            NDArray previous = level == 0 ? null : s.create(levels(codes, r, depth, level), new Shape(r, level));
                            float[] all = DepthDecoder.logits(model, s, h, previous).get(new NDIndex(":, " + level + ", :"))
                                    .toFloatArray();
                            for (int i = 0; i < b; i++) {
                                float[] logits = Arrays.copyOfRange(all, i * k, (i + 1) * k);
                                if (guided) {
                                    Sampler.guide(logits, Arrays.copyOfRange(all, (b + i) * k, (b + i + 1) * k), cfgScale);
                                }
                                int code = sampler.pick(logits, new int[] {0, k});
                                codes[i * depth + level] = code;
                                if (guided) {
                                    codes[(b + i) * depth + level] = code;
                                }
                                out[i][p * depth + level] = layout.imageId(level, code);
                            }
                        }
                        if (p + 1 < positions) {
                            long[] ids = new long[r * depth];
                            for (int j = 0; j < ids.length; j++) {
                                ids[j] = layout.imageId(j % depth, (int) codes[j]);
                            }
                            float[] slots = new float[ids.length];
                            Arrays.fill(slots, 1f);
                            NDArray next = model.forwardStacked(s, s.create(ids, new Shape(r, 1, depth)),
                                    s.create(slots, new Shape(r, 1, depth)), cache).hidden();
                            cache.keep(m);
                            next.attach(m);
                            h = next;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The first {@code upTo} codes of each row of {@code codes} (rows x depth). */
    private static long[] levels(long[] codes, int rows, int depth, int upTo) {
        long[] out = new long[rows * upTo];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(codes, i * depth, out, i * upTo, upTo);
        }
        return out;
    }
}
