package dev.tessera.engine.tokenize;

import dev.tessera.engine.quantize.QuantizerConfig;

/**
 * Architecture of a convolutional VQ image tokenizer: an encoder that halves the image
 * {@code downsamplings} times, a quantizer, and a mirrored decoder (nearest upsampling +
 * convolution, since DJL's transposed convolution is unavailable; STACK.md).
 *
 * @param imageSize      input side in pixels; a multiple of {@code 2^downsamplings}
 * @param hiddenChannels convolution width
 * @param downsamplings  stride-2 stages; the token grid side is {@code imageSize >> downsamplings}
 * @param quantizer      the codebook settings
 */
public record TokenizerConfig(int imageSize, int hiddenChannels, int downsamplings, QuantizerConfig quantizer) {

    public TokenizerConfig {
        if (downsamplings < 1 || downsamplings > 4) {
            throw new IllegalArgumentException("downsamplings must be in 1..4, got " + downsamplings);
        }
        if (imageSize < 8 || imageSize % (1 << downsamplings) != 0) {
            throw new IllegalArgumentException("imageSize must be >= 8 and a multiple of 2^downsamplings = "
                    + (1 << downsamplings) + ", got " + imageSize);
        }
        if (hiddenChannels < 1) {
            throw new IllegalArgumentException("hiddenChannels must be >= 1, got " + hiddenChannels);
        }
        if (quantizer == null) {
            throw new IllegalArgumentException("quantizer settings are required");
        }
    }

    /** 64x64 scenes -> 16x16 tokens from 256 codes, 48 channels: the shipped default. */
    public static TokenizerConfig shapes64() {
        return new TokenizerConfig(64, 48, 2, QuantizerConfig.standard());
    }

    /** 16x16 images -> 4x4 tokens from 16 codes, 8 channels: trains in seconds, for tests. */
    public static TokenizerConfig tiny() {
        return new TokenizerConfig(16, 8, 2, QuantizerConfig.tiny());
    }

    /** Side of the token grid. */
    public int gridSize() {
        return imageSize >> downsamplings;
    }
}
