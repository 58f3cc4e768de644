package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;

/**
 * Keys and values of every layer for the tokens already seen, so each decoding step runs the
 * transformer on the new token only (generation cost linear instead of quadratic in length).
 * The arrays belong to the manager the caller decodes with.
 */
public final class KvCache {

    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    public KvCache(int layers) {
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Tokens cached so far (the position of the next token). */
    public int length() {
        return length;
    }

    /** Appends the new keys/values of {@code layer} (shape (B, H, t, dh)) and returns all of them. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
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
        return new NDArray[] {keys[layer], values[layer]};
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
