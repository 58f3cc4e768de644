package dev.tessera.engine.tokenize;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import dev.tessera.engine.quantize.Quantizer;

/**
 * What a trainer needs from a tokenizer. Its model's block maps images (N, 3, S, S) in
 * [-1, 1] to the reconstruction followed by the five fields of a
 * {@link dev.tessera.engine.quantize.QuantizeResult}.
 *
 * @param <T> the kind of tokens
 */
public interface TrainableTokenizer<T extends ImageTokens> extends ImageTokenizer<T> {

    /** The DJL model whose block is trained. */
    Model model();

    /** The quantizer inside the block. */
    Quantizer quantizer();

    /** The vectors the quantizer would see for {@code images}: what k-means initialisation clusters. */
    NDArray quantizerInputs(ParameterStore ps, NDArray images);

    /**
     * Switches quantization on or off. SeTok trains its selector and merger on continuous
     * tokens first and switches VQ on later; grid tokenizers always quantize and refuse off.
     */
    void quantizing(boolean on);
}
