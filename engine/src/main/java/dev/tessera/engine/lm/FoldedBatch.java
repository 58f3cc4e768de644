package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * Rows of {@link Folding}s as the input of {@link UnifiedTransformer#forwardStacked}: ids
 * (B, N, D) with a position's ids in its first slots, and slot flags (B, N, D) that are 1 for used
 * slots; rows shorter than N are padded with {@code <pad>} positions on the left (a prompt batch,
 * decoded with a left-padded {@link KvCache}) or on the right (a training batch, whose padding is
 * never a target).
 *
 * @param batch     rows B
 * @param positions N
 * @param depth     slots per position D
 * @param ids       (B, N, D), row-major
 * @param slots     (B, N, D), row-major, 0/1
 * @param padding   padding positions of each row (on the side {@code left} says)
 * @param left      true when rows are padded on the left
 */
public record FoldedBatch(int batch, int positions, int depth, long[] ids, float[] slots, int[] padding, boolean left) {

    /** Rows' positions {@code [0, upTo[b])} (all of each row when {@code upTo} is null), padded with {@code pad} to one length. */
    public static FoldedBatch of(List<Folding> rows, int depth, int pad, boolean left, int[] upTo) {
        int b = rows.size();
        int[] lengths = new int[b];
        int n = 0;
        for (int i = 0; i < b; i++) {
            lengths[i] = upTo == null ? rows.get(i).positions() : upTo[i];
            n = Math.max(n, lengths[i]);
        }
        long[] ids = new long[b * n * depth];
        float[] slots = new float[ids.length];
        int[] padding = new int[b];
        java.util.Arrays.fill(ids, pad);
        for (int i = 0; i < b; i++) {
            Folding f = rows.get(i);
            padding[i] = n - lengths[i];
            int shift = left ? padding[i] : 0;
            for (int p = 0; p < lengths[i]; p++) {
                int at = ((i * n) + p + shift) * depth;
                for (int l = 0; l < f.width()[p]; l++) {
                    ids[at + l] = f.ids()[f.start()[p] + l];
                    slots[at + l] = 1f;
                }
            }
            if (padding[i] > 0) {
                int from = left ? 0 : lengths[i];
                for (int p = from; p < from + padding[i]; p++) {
                    slots[((i * n) + p) * depth] = 1f; // a padding position reads <pad>, as a flat batch does
                }
            }
        }
        return new FoldedBatch(b, n, depth, ids, slots, padding, left);
    }

    /** The ids as an int64 array (B, N, D) of {@code m}. */
    public NDArray idArray(NDManager m) {
        return m.create(ids, new Shape(batch, positions, depth));
    }

    /** The slot flags as a float array (B, N, D) of {@code m}. */
    public NDArray slotArray(NDManager m) {
        return m.create(slots, new Shape(batch, positions, depth));
    }
}
