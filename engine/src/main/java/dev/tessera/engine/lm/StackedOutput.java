package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;

/**
 * What the spatial pass of a stacked model ({@link UnifiedTransformer#forwardStacked}) gives for
 * each folded position: the final-normed hidden state, which the {@link DepthDecoder} expands into
 * the next position's image levels, and the logits over the whole vocabulary, which score a next
 * position that holds one id (text, a control token, a decompressed image id).
 *
 * @param hidden rows (B*t, d), row-major over (batch, position)
 * @param logits (B, t, V)
 */
public record StackedOutput(NDArray hidden, NDArray logits) {
}
