package dev.tessera.engine.tokenize;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * What tokenizing one image produced, for every tokenizer kind: the input as the tokenizer
 * saw it, its tokens (a grid, or a set of cluster tokens), the image decoded back from those
 * tokens, and the reconstruction quality.
 *
 * @param source         where the image came from (a path, or {@code sample:N})
 * @param tokenizer      name of the tokenizer checkpoint used
 * @param description    one line about the tokenizer, e.g. "RVQ 4x256, 16x16 grid"
 * @param input          the image after resizing to the tokenizer's input size
 * @param tokens         the discrete tokens
 * @param reconstruction {@code decode(tokens)}
 * @param refinements    for a residual tokenizer, the images decoded from levels 1..D
 *                       (progressive refinement); empty otherwise
 * @param psnr           peak signal-to-noise ratio of the reconstruction in dB (MAX = 1)
 * @param ssim           structural similarity of the reconstruction
 * @param familiarity    whether the image is like the tokenizer's training data, judged by {@code psnr}
 *                       against the tokenizer's calibrated floor ({@link Familiarity#notice()} says so when not)
 */
public record TokenizeResult(String source, String tokenizer, String description, RgbImage input, ImageTokens tokens,
                             RgbImage reconstruction, List<RgbImage> refinements, double psnr, double ssim,
                             Familiarity familiarity) {

    public TokenizeResult {
        refinements = List.copyOf(refinements);
        if (familiarity == null) {
            familiarity = Familiarity.Calibration.NONE.judge(psnr);
        }
    }

    /** A result whose tokenizer has no calibration: never flagged as unfamiliar. */
    public TokenizeResult(String source, String tokenizer, String description, RgbImage input, ImageTokens tokens,
                          RgbImage reconstruction, List<RgbImage> refinements, double psnr, double ssim) {
        this(source, tokenizer, description, input, tokens, reconstruction, refinements, psnr, ssim, null);
    }
}
