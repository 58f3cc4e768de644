package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;

/**
 * One nearest-code lookup of a {@link VectorQuantizer}, with its parts named: a plain quantizer
 * and every level of a {@link ResidualQuantizer} take different parts of it.
 *
 * @param ids           the nearest code of each row (N), int64
 * @param codes         those codes (N, codeWidth); a learned codebook gets its gradient through them
 * @param loss          the commitment loss, plus the codebook loss when codes learn by gradient (a scalar)
 * @param detachedInput the rows looked up, without gradient (N, codeWidth): what the EMA update
 *                      and dead-code restarts learn from
 */
record CodeLookup(NDArray ids, NDArray codes, NDArray loss, NDArray detachedInput) {
}
