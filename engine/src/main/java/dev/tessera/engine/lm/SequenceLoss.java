package dev.tessera.engine.lm;

import ai.djl.ndarray.NDArray;

import static dev.tessera.engine.nn.Tensors.scalar;

/** Next-token cross-entropy pieces shared by training, evaluation and tests. */
public final class SequenceLoss {

    private SequenceLoss() {
    }

    /** Negative log-likelihood (B, T) of {@code targets} (B, T, int64) under {@code logits} (B, T, V). */
    public static NDArray tokenNll(NDArray logits, NDArray targets) {
        return logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1).neg();
    }

    /** Mean of {@code values} over the positions where {@code mask} (same shape, 0/1 floats) is 1. */
    public static NDArray maskedMean(NDArray values, NDArray mask) {
        return values.mul(mask).sum().div(mask.sum().maximum(scalar(values, 1f)));
    }
}
