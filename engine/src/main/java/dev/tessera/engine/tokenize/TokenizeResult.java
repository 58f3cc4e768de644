package dev.tessera.engine.tokenize;

import dev.tessera.engine.image.RgbImage;

/**
 * What tokenizing one image produced: the input as the tokenizer saw it, its token grid,
 * the image decoded back from those tokens, and the reconstruction quality.
 *
 * @param source         where the image came from (a path, or {@code sample:N})
 * @param tokenizer      name of the tokenizer checkpoint used
 * @param input          the image after resizing to the tokenizer's input size
 * @param tokens         the discrete codes
 * @param reconstruction {@code decode(tokens)}
 * @param psnr           peak signal-to-noise ratio of the reconstruction in dB (MAX = 1)
 */
public record TokenizeResult(String source, String tokenizer, RgbImage input, TokenGrid tokens,
                             RgbImage reconstruction, double psnr) {
}
