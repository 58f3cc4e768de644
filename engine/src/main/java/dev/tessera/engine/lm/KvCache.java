package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;

/**
 * Keys and values of every layer for the tokens already seen, so each decoding step runs the
 * transformer on the new token only (generation cost linear instead of quadratic in length).
 * The arrays belong to the manager the caller decodes with.
 *
 * <p>Rows of one batch may start with padding ({@link #KvCache(int, int[])}): prompts of
 * different lengths (a conditional prompt and the short unconditional one of classifier-free
 * guidance) then decode as one batch, each row seeing only its own tokens at its own positions.
 */
public final class KvCache {

    private final NDArray[] keys;
    private final NDArray[] values;
    private final int[] leftPadding;
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

    /** Appends the new keys/values of {@code layer} (shape (B, H, t, dh)) and returns all of them. */
    KeysValues append(int layer, NDArray k, NDArray v) {
        if (keys[layer] == null) {
            keys[layer] = k;
            values[layer] = v;
        } else {
            NDArray ok = keys[layer];
            NDArray ov = values[layer];
            keys[layer] = ok.concat(k, 2);
            values[layer] = ov.concat(v, 2);
            ok.close();
            ov.close();
        }
        return new KeysValues(keys[layer], values[layer]);
    }

    /** Moves the cached arrays to {@code m}, so a per-step manager can close without freeing them. */
    void keep(ai.djl.ndarray.NDManager m) {
        for (int l = 0; l < keys.length; l++) {
            if (keys[l] != null) {
                keys[l].attach(m);
                values[l].attach(m);
            }
        }
    }

    /** Called once all layers have seen {@code t} new tokens. */
    void advance(int t) {
        length += t;
    }
}
