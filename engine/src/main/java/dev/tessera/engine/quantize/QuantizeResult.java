package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;

/**
 * What every quantizer returns for a batch of vectors, so variants can be swapped.
 *
 * @param quantized      the code vectors, shape (N, D); in training they carry the
 *                       straight-through gradient to the input
 * @param indices        the chosen code per vector, shape (N), int64
 * @param commitmentLoss {@code beta * mean ||z - sg(q)||^2}, a scalar
 * @param usage          how many vectors chose each code, shape (K)
 */
public record QuantizeResult(NDArray quantized, NDArray indices, NDArray commitmentLoss, NDArray usage) {
}
