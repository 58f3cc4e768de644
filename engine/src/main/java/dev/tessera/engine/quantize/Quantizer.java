package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import java.util.Random;

/**
 * The contract every quantizer variant shares (VQ, residual VQ, FSQ): vectors in, discrete
 * ids and their code vectors out, with one result record for all of them. The method
 * vocabulary follows vector-quantize-pytorch ({@code indices -> codes -> output}), so
 * variants swap without touching tokenizers, trainers or metrics.
 *
 * <p>Inputs are rows (N, D) with D = {@link QuantizerConfig#codeDim()}; ids are (N, L) with
 * L = {@link QuantizerConfig#depth()}.
 */
public interface Quantizer extends Block {

    QuantizerConfig config();

    /** Quantizes rows of {@code z}; in training the output carries gradients back to {@code z}. */
    QuantizeResult quantize(ParameterStore ps, NDArray z, boolean training);

    /** Code vectors (N, D) of ids (N, L): the sum over all levels. */
    default NDArray codes(ParameterStore ps, NDArray indices) {
        return codes(ps, indices, config().depth());
    }

    /** Code vectors (N, D) of ids (N, L) using only the first {@code levels} levels (progressive decoding). */
    NDArray codes(ParameterStore ps, NDArray indices, int levels);

    /** Sets codes from data before training (k-means); a no-op for codebook-free variants. */
    void initialiseFromData(ParameterStore ps, NDArray z, Random rng);

    /**
     * Non-gradient learning after an optimiser step: EMA codebook updates and usage tracking,
     * and dead-code restarts when {@code restart} is true. Returns how many codes were restarted.
     */
    int afterStep(QuantizeResult result, Random rng, boolean restart);
}
