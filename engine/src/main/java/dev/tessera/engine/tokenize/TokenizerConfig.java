package dev.tessera.engine.tokenize;

import dev.tessera.engine.quantize.FsqConfig;
import dev.tessera.engine.quantize.QuantizerConfig;
import dev.tessera.engine.quantize.ResidualConfig;
import dev.tessera.engine.quantize.VqConfig;

/**
 * Architecture of a convolutional grid tokenizer: an encoder that halves the image
 * {@code downsamplings} times, a quantizer of any variant (VQ, residual VQ, FSQ), and a mirrored decoder (nearest upsampling +
 * convolution, since DJL's transposed convolution is unavailable: it throws "Not implemented").
 *
 * @param imageSize      input side in pixels; a multiple of {@code 2^downsamplings}
 * @param hiddenChannels convolution width
 * @param downsamplings  stride-2 stages; the token grid side is {@code imageSize >> downsamplings}
 * @param quantizer      the quantizer variant and its settings
 * @param semantic       null for a pixel tokenizer; for a semantic one (ILLUME), the frozen
 *                       encoder whose features the codes reconstruct (the pixel decoder then reads
 *                       the codes without training them)
 */
public record TokenizerConfig(int imageSize, int hiddenChannels, int downsamplings, QuantizerConfig quantizer,
                              SemanticFeatures semantic) {

    /** A pixel tokenizer: codes trained to reconstruct the image. */
    public TokenizerConfig(int imageSize, int hiddenChannels, int downsamplings, QuantizerConfig quantizer) {
        this(imageSize, hiddenChannels, downsamplings, quantizer, null);
    }

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
        return new TokenizerConfig(64, 48, 2, VqConfig.standard());
    }

    /** As {@link #shapes64()} with a 4-level residual stack of the same 256-code quantizer. */
    public static TokenizerConfig shapes64Residual() {
        return new TokenizerConfig(64, 48, 2, ResidualConfig.standard());
    }

    /** As {@link #shapes64()} with 8x6x5 finite scalar quantization (240 implicit codes). */
    public static TokenizerConfig shapes64Fsq() {
        return new TokenizerConfig(64, 48, 2, FsqConfig.standard());
    }

    /**
     * 32x32 scenes -> 8x8 tokens from 256 codes, 48 channels: the image side of the unified
     * model, whose sequences must stay short (64 image tokens) to train on a CPU.
     */
    public static TokenizerConfig shapes32() {
        return new TokenizerConfig(32, 48, 2, VqConfig.standard());
    }

    /**
     * As {@link #shapes32()} with 8x5x5x5 finite scalar quantization (1000 implicit codes): the
     * unified model's tokenizer. At the same 64 ids per scene it keeps the shapes of small objects
     * that the 256-code VQ blurs (the scene judge reads shapes right on 91.6% of its
     * reconstructions against 60.4%; README).
     */
    public static TokenizerConfig shapes32Fsq() {
        return new TokenizerConfig(32, 48, 2, new FsqConfig(new int[] {8, 5, 5, 5}, 32));
    }

    /**
     * As {@link #shapes32()} with a residual stack of {@code depth} 256-code EMA quantizers (RQ-VAE,
     * Lee et al. 2022; UniCode's stacked quantization, arXiv 2403.09072): still 8x8 positions, each
     * of {@code depth} ids, which a stacked unified model reads as one summed embedding per position.
     * The presets are {@code rvq2-shapes32} and {@code rvq4-shapes32}.
     */
    public static TokenizerConfig shapes32Residual(int depth) {
        return new TokenizerConfig(32, 48, 2, new ResidualConfig(VqConfig.standard(), depth));
    }

    /**
     * 64x64 photographs -> 16x16 positions of 8x8x8x5x5x5 finite scalar quantization (64,000
     * implicit codes, 15.97 bits a position, 4,087 bits an image), 64 channels: the {@code photo-64}
     * tokenizer. Photographs carry far more detail per position than flat scenes, so each position
     * gets a large code space and the network more channels.
     */
    public static TokenizerConfig photo64() {
        return new TokenizerConfig(64, 64, 2, new FsqConfig(new int[] {8, 8, 8, 5, 5, 5}, 32));
    }

    /**
     * ILLUME's semantic tokenizer (arXiv 2412.06673) at the unified model's 32 px: the frozen
     * {@value SemanticFeatures#SHIPPED_32} (48 channels, 64 features at each of 8x8 positions,
     * trained on views of the same scene, no caption or question read) feeds an adapter, 8x5x5x5 FSQ codes
     * (1000, as {@link #shapes32Fsq()} has) are trained to reconstruct its features, and a pixel
     * decoder draws the image from the codes: the {@code sem-shapes32} tokenizer.
     */
    public static TokenizerConfig shapes32Semantic() {
        return new TokenizerConfig(32, 48, 2, new FsqConfig(new int[] {8, 5, 5, 5}, 32),
                new SemanticFeatures(48, 64, SemanticFeatures.SHIPPED_32));
    }

    /** {@link #tiny()} with FSQ codes over a tiny semantic encoder named {@code encoder}: for tests. */
    public static TokenizerConfig tinySemantic(String encoder) {
        return new TokenizerConfig(16, 8, 2, FsqConfig.tiny(), new SemanticFeatures(8, 8, encoder));
    }

    /** 16x16 images -> 4x4 tokens from 16 codes, 8 channels: trains in seconds, for tests. */
    public static TokenizerConfig tiny() {
        return new TokenizerConfig(16, 8, 2, VqConfig.tiny());
    }

    /** The same architecture with another quantizer (its codeDim must match the encoder's output). */
    public TokenizerConfig withQuantizer(QuantizerConfig q) {
        return new TokenizerConfig(imageSize, hiddenChannels, downsamplings, q, semantic);
    }

    /** Side of the token grid. */
    public int gridSize() {
        return imageSize >> downsamplings;
    }
}
