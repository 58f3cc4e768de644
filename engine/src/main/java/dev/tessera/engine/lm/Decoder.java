package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.IntraOpThreads;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.Arrays;

/**
 * Continues a batch of prompts token by token with a {@link KvCache}, choosing each id with a
 * {@link Sampler} among the ids a {@link Rule} allows at that step, optionally with
 * classifier-free guidance from a second, unconditional batch of prompts. Prompts of different
 * lengths are left-padded (the cache hides the padding), so the conditional and unconditional
 * rows of guidance run as one batch.
 */
public final class Decoder {

    /** What may come next, and what ends a sequence. */
    public interface Rule {
        /** Allowed ids at {@code step} (0 = first generated id) as ranges {lo0, hi0, lo1, hi1, ...}. */
        int[] allowed(int step);

        /** True when {@code id} ends the sequence (it is kept in the output). */
        boolean stops(int id);
    }

    private Decoder() {
    }

    /**
     * The generated ids of every prompt (at most {@code maxSteps} each, cut after the stop id).
     * {@code unconditional} (same batch size, any lengths) and {@code cfgScale != 1} turn
     * on guidance.
     */
    public static int[][] continueAll(UnifiedTransformer model, int[][] prompts, int maxSteps, Rule rule, Sampler sampler,
                                      int[][] unconditional, double cfgScale) {
        int b = prompts.length;
        boolean guided = unconditional != null && cfgScale != 1.0;
        int[][] out = new int[b][maxSteps];
        int[] lengths = new int[b];
        boolean[] done = new boolean[b];
        int layers = model.config().layers();
        try (NDManager m = TesseraRuntime.newManager()) {
            // with guidance the conditional and unconditional rows decode as one batch of 2b rows,
            // the shorter prompts left-padded: one forward per step instead of two
            int[][] rows = guided ? concat(prompts, unconditional) : prompts;
            KvCache cache;
            float[][] all;
            if (model.stacking().folds()) {
                // a stacked model reads a prompt's images as folded positions, then continues one id per position
                FoldedBatch folded = FoldedBatch.of(Arrays.stream(rows).map(r -> Folding.of(r, model.layout())).toList(),
                        model.layout().imageLevels(), model.layout().id(SpecialToken.PAD), true, null);
                cache = new KvCache(layers, folded.padding());
                all = last(model.forwardStacked(m, folded.idArray(m), folded.slotArray(m), cache).logits());
            } else {
                int width = Arrays.stream(rows).mapToInt(r -> r.length).max().orElseThrow();
                int[] pad = Arrays.stream(rows).mapToInt(r -> width - r.length).toArray();
                cache = new KvCache(layers, pad);
                all = last(model.forward(m, batch(m, rows, width, model.layout().id(SpecialToken.PAD)), cache));
            }
            // one-token steps of a few rows: a second thread's wake-ups cost more than it shares (IntraOpThreads)
            try (IntraOpThreads threads = IntraOpThreads.forRows(rows.length)) {
                for (int step = 0; step < maxSteps; step++) {
                    int[] allowed = rule.allowed(step);
                    long[] next = new long[rows.length];
                    boolean finished = true;
                    for (int i = 0; i < b; i++) {
                        float[] logits = all[i];
                        if (guided) {
                            Sampler.guide(logits, all[b + i], cfgScale);
                        }
                        int id = sampler.pick(logits, allowed);
                        next[i] = id;
                        if (guided) {
                            next[b + i] = id;
                        }
                        if (!done[i]) {
                            out[i][lengths[i]++] = id;
                            done[i] = rule.stops(id);
                        }
                        finished &= done[i];
                    }
                    if (finished || step + 1 == maxSteps) {
                        break;
                    }
                    try (NDManager s = m.newSubManager()) {
                        all = last(model.forward(s, s.create(next, new Shape(rows.length, 1)), cache));
                        cache.keep(m);
                    }
                }
            }
        }
        int[][] result = new int[b][];
        for (int i = 0; i < b; i++) {
            result[i] = Arrays.copyOf(out[i], lengths[i]);
        }
        return result;
    }

    static int[][] concat(int[][] a, int[][] b) {
        if (b.length != a.length) {
            throw new IllegalArgumentException("guidance needs one unconditional prompt per prompt, got " + b.length
                    + " for " + a.length);
        }
        int[][] rows = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, rows, a.length, b.length);
        return rows;
    }

    /** The rows as ids (n, width), each left-padded with {@code padId} to {@code width}. */
    private static NDArray batch(NDManager m, int[][] rows, int width, int padId) {
        long[] flat = new long[rows.length * width];
        Arrays.fill(flat, padId);
        for (int i = 0; i < rows.length; i++) {
            int start = width - rows[i].length;
            for (int j = 0; j < rows[i].length; j++) {
                flat[i * width + start + j] = rows[i][j];
            }
        }
        return m.create(flat, new Shape(rows.length, width));
    }

    static float[][] last(NDArray logits) {
        Shape s = logits.getShape();
        int b = (int) s.get(0);
        int t = (int) s.get(1);
        int v = (int) s.get(2);
        float[] all = (t == 1 ? logits : logits.get(":, " + (t - 1))).toFloatArray();
        float[][] rows = new float[b][];
        for (int i = 0; i < b; i++) {
            rows[i] = Arrays.copyOfRange(all, i * v, (i + 1) * v);
        }
        return rows;
    }
}
