package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.nn.Tensors;

import java.util.function.Supplier;

/**
 * What one decode reuses from step to step: the keys and values of every layer for the tokens
 * already seen, so each step runs the transformer on the new token only (generation cost linear
 * instead of quadratic in length), and the weights-derived tables every step would otherwise
 * recompute (the input embedding table, a product of two matrices in TEAL's joint embedding).
 * The arrays belong to the manager the caller decodes with; the weights must not change while a
 * cache is in use.
 *
 * <p>Keys and values live in buffers sized for the model's whole context, allocated at the first
 * step and written in place: a step copies only its own token's keys and values, where growing
 * them by concatenation copied every cached token again at every step.
 *
 * <p>Rows of one batch may start with padding ({@link #KvCache(int, int[])}): prompts of
 * different lengths (a conditional prompt and the short unconditional one of classifier-free
 * guidance) then decode as one batch, each row seeing only its own tokens at its own positions.
 */
public final class KvCache {

    private final NDArray[] keys;
    private final NDArray[] values;
    private final int[] leftPadding;
    private final java.util.Map<String, NDArray> tables = new java.util.HashMap<>();
    private int length;

    public KvCache(int layers) {
        this(layers, null);
    }

    /**
     * A cache whose row {@code i} starts with {@code leftPadding[i]} padding ids: no token attends
     * to them and the row's first real token takes position 0. Null means no padding.
     */
    public KvCache(int layers, int[] leftPadding) {
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        if (leftPadding != null) {
            for (int p : leftPadding) {
                if (p < 0) {
                    throw new IllegalArgumentException("padding must be >= 0, got " + p);
                }
            }
        }
        boolean any = leftPadding != null && java.util.Arrays.stream(leftPadding).anyMatch(p -> p > 0);
        this.leftPadding = any ? leftPadding.clone() : null;
    }

    /** Padding ids at the start of each row, or null when no row is padded. */
    int[] leftPadding() {
        return leftPadding == null ? null : leftPadding.clone();
    }

    /** Tokens cached so far (the position of the next token). */
    public int length() {
        return length;
    }

    /**
     * Writes the new keys/values of {@code layer} (shape (B, H, t, dh)) after the cached ones and
     * returns all of them as views (B, H, length + t, dh); {@code capacity} is the model's context.
     */
    KeysValues append(int layer, NDArray k, NDArray v, int capacity) {
        Shape s = k.getShape();
        if (keys[layer] == null) {
            Shape full = new Shape(s.get(0), s.get(1), capacity, s.get(3));
            keys[layer] = k.getManager().zeros(full);
            values[layer] = k.getManager().zeros(full);
        }
        Tensors.write(keys[layer], 2, length, k);
        Tensors.write(values[layer], 2, length, v);
        long seen = length + s.get(2);
        return new KeysValues(Tensors.narrow(keys[layer], 2, 0, seen), Tensors.narrow(values[layer], 2, 0, seen));
    }

    /**
     * The table named {@code name}, made by {@code make} at the first call of this decode (on the
     * manager {@code make} uses) and the same array at every later call.
     */
    NDArray table(String name, Supplier<NDArray> make) {
        return tables.computeIfAbsent(name, n -> make.get());
    }

    /** Moves the cached arrays to {@code m}, so a per-step manager can close without freeing them. */
    void keep(NDManager m) {
        for (int l = 0; l < keys.length; l++) {
            if (keys[l] != null) {
                keys[l].attach(m);
                values[l].attach(m);
            }
        }
        tables.values().forEach(a -> a.attach(m));
    }

    /** Called once all layers have seen {@code t} new tokens. */
    void advance(int t) {
        length += t;
    }
}
