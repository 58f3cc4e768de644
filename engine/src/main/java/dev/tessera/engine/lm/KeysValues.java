package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;

/**
 * What self-attention of one layer attends to while decoding with a {@link KvCache}: the keys
 * and values of every token cached so far, each (B, H, t, dh).
 */
record KeysValues(NDArray keys, NDArray values) {
}
