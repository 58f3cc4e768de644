package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What every quantizer returns for a batch of N vectors, so variants can be swapped.
 *
 * @param quantized   the code vectors, (N, D); in training they carry gradients to the input
 * @param indices     the chosen ids, (N, L) int64, L = depth (1 unless residual)
 * @param loss        the quantizer's own loss (commitment, codebook), a scalar; 0 for FSQ
 * @param usage       how many vectors chose each id, per level, (L, K)
 * @param levelInputs the detached vectors each level looked up, (N, L, d): what EMA updates
 *                    and dead-code restarts learn from
 */
public record QuantizeResult(NDArray quantized, NDArray indices, NDArray loss, NDArray usage, NDArray levelInputs) {

    /** The fields as an NDList, in order (how a block returns them). */
    public NDList toList() {
        return new NDList(quantized, indices, loss, usage, levelInputs);
    }

    /** The inverse of {@link #toList()} starting at {@code offset}. */
    public static QuantizeResult fromList(NDList list, int offset) {
        return new QuantizeResult(list.get(offset), list.get(offset + 1), list.get(offset + 2), list.get(offset + 3),
                list.get(offset + 4));
    }
}
