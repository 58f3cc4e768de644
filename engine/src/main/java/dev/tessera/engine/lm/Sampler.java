package dev.tessera.engine.lm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks one id from a row of logits under a {@link SamplingConfig}, considering only the ids
 * the caller allows at this position (e.g. only image codes of the right level inside an
 * image span), so the output always parses.
 */
public final class Sampler {

    private final SamplingConfig config;
    private final SplittableRandom rng;

    public Sampler(SamplingConfig config) {
        this.config = config;
        this.rng = new SplittableRandom(config.seed());
    }

    /** Mixes conditional and unconditional logits in place of {@code cond}: u + s (c - u). */
    public static void guide(float[] cond, float[] uncond, double scale) {
        for (int i = 0; i < cond.length; i++) {
            cond[i] = (float) (uncond[i] + scale * (cond[i] - uncond[i]));
        }
    }

    /** The chosen id among {@code allowed[lo..hi)} ranges given as pairs {lo0, hi0, lo1, hi1, ...}. */
    public int pick(float[] logits, int[] allowed) {
        int n = 0;
        for (int r = 0; r < allowed.length; r += 2) {
            n += allowed[r + 1] - allowed[r];
        }
        int[] ids = new int[n];
        double[] scores = new double[n];
        int at = 0;
        for (int r = 0; r < allowed.length; r += 2) {
            for (int id = allowed[r]; id < allowed[r + 1]; id++) {
                ids[at] = id;
                scores[at++] = logits[id];
            }
        }
        if (config.greedyChoice()) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (scores[i] > scores[best]) {
                    best = i;
                }
            }
            return ids[best];
        }
        int keep = config.topK() > 0 ? Math.min(config.topK(), n) : n;
        int[] order = keep < n ? topByScore(scores, keep) : byDescendingScore(scores);
        double max = scores[order[0]];
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            p[i] = Math.exp((scores[order[i]] - max) / config.temperature());
            sum += p[i];
        }
        double mass = 0;
        int nucleus = keep;
        for (int i = 0; i < keep; i++) {
            p[i] /= sum;
            mass += p[i];
            if (mass >= config.topP()) {
                nucleus = i + 1;
                break;
            }
        }
        double u = rng.nextDouble() * Math.min(1.0, mass);
        double acc = 0;
        for (int i = 0; i < nucleus; i++) {
            acc += p[i];
            if (u < acc) {
                return ids[order[i]];
            }
        }
        return ids[order[nucleus - 1]];
    }

    /**
     * Positions of {@code scores} from highest to lowest, equal scores by position: one primitive
     * sort of (order-preserving score bits, position) keys instead of boxed comparisons, which
     * took a visible share of every generated image's time.
     */
    static int[] byDescendingScore(double[] scores) {
        long[] keys = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            keys[i] = key(scores, i);
        }
        Arrays.sort(keys);
        int[] order = new int[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /**
     * The first {@code k} positions of {@link #byDescendingScore} (same order, same ties), found
     * by one pass that keeps the k best keys in a max-heap instead of sorting every score: top-k
     * sampling of 1000 image ids reads 32 of them.
     */
    static int[] topByScore(double[] scores, int k) {
        // heap[0] is the largest kept key, i.e. the worst of the k best (keys sort best first)
        long[] heap = new long[k];
        for (int i = 0; i < k; i++) {
            heap[i] = key(scores, i);
            siftUp(heap, i);
        }
        for (int i = k; i < scores.length; i++) {
            long c = key(scores, i);
            if (c < heap[0]) {
                heap[0] = c;
                siftDown(heap, k);
            }
        }
        Arrays.sort(heap);
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = (int) heap[i];
        }
        return order;
    }

    /** A sort key ordering positions by descending score, equal scores by position: (order-preserving score bits, position). */
    private static long key(double[] scores, int i) {
        int bits = Float.floatToIntBits((float) scores[i]);
        int ascending = bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
        return ((long) ~ascending << 32) | i;
    }

    private static void siftUp(long[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (heap[parent] >= heap[at]) {
                return;
            }
            long t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[at] >= heap[child]) {
                return;
            }
            long t = heap[at];
            heap[at] = heap[child];
            heap[child] = t;
            at = child;
        }
    }
}
