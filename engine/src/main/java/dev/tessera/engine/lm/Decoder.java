package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;

import java.util.Arrays;

/**
 * Continues a batch of equally long prompts token by token with a {@link KvCache}, choosing
 * each id with a {@link Sampler} among the ids a {@link Rule} allows at that step, optionally
 * with classifier-free guidance from a second, unconditional batch of prompts.
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
     * {@code unconditional} (same batch size, any common length) and {@code cfgScale != 1} turn
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
            KvCache cache = new KvCache(layers);
            KvCache uncache = guided ? new KvCache(layers) : null;
            float[][] logits = last(model.forward(m, batch(m, prompts), cache));
            float[][] ulogits = guided ? last(model.forward(m, batch(m, unconditional), uncache)) : null;
            for (int step = 0; step < maxSteps; step++) {
                int[] allowed = rule.allowed(step);
                long[] next = new long[b];
                boolean all = true;
                for (int i = 0; i < b; i++) {
                    if (guided) {
                        Sampler.guide(logits[i], ulogits[i], cfgScale);
                    }
                    int id = sampler.pick(logits[i], allowed);
                    next[i] = id;
                    if (!done[i]) {
                        out[i][lengths[i]++] = id;
                        done[i] = rule.stops(id);
                    }
                    all &= done[i];
                }
                if (all || step + 1 == maxSteps) {
                    break;
                }
                try (NDManager s = m.newSubManager()) {
                    NDArray ids = s.create(next, new Shape(b, 1));
                    logits = last(model.forward(s, ids, cache));
                    if (guided) {
                        ulogits = last(model.forward(s, ids, uncache));
                    }
                    cache.keep(m);
                    if (guided) {
                        uncache.keep(m);
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

    private static NDArray batch(NDManager m, int[][] prompts) {
        int len = prompts[0].length;
        long[] flat = new long[prompts.length * len];
        for (int i = 0; i < prompts.length; i++) {
            if (prompts[i].length != len) {
                throw new IllegalArgumentException("prompts of one batch must be equally long, got " + len + " and "
                        + prompts[i].length);
            }
            for (int j = 0; j < len; j++) {
                flat[i * len + j] = prompts[i][j];
            }
        }
        return m.create(flat, new Shape(prompts.length, len));
    }

    private static float[][] last(NDArray logits) {
        Shape s = logits.getShape();
        int b = (int) s.get(0);
        int t = (int) s.get(1);
        int v = (int) s.get(2);
        float[] all = logits.get(":, " + (t - 1)).toFloatArray();
        float[][] rows = new float[b][];
        for (int i = 0; i < b; i++) {
            rows[i] = Arrays.copyOfRange(all, i * v, (i + 1) * v);
        }
        return rows;
    }
}
