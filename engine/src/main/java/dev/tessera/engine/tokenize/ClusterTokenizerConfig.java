package dev.tessera.engine.tokenize;

import dev.tessera.engine.cluster.DensityPeakConfig;
import dev.tessera.engine.quantize.VqConfig;

/**
 * Architecture of the SeTok-style dynamic tokenizer (arXiv 2406.05127) at small scale: a
 * convolutional patch encoder, DPC-kNN clustering of patch features (plus a 2D sinusoidal
 * position embedding), a merger that pools each cluster into one vector, a VQ over those
 * vectors, and a decoder that rebuilds the image from a variable number of tokens with
 * learned per-patch queries and cross-attention.
 *
 * @param imageSize      input side in pixels
 * @param hiddenChannels convolution width
 * @param downsamplings  stride-2 stages; the patch grid side is {@code imageSize >> downsamplings}
 * @param width          patch feature and token width; divisible by 4 and by {@code heads}
 * @param positionWeight weight of the unit-length position embedding added to unit-length
 *                       features before clustering: higher splits far-apart look-alikes
 * @param clustering     DPC-kNN settings
 * @param decoderLayers  cross-attention layers of the decoder
 * @param heads          attention heads
 * @param quantizer      VQ of the pooled cluster vectors; its codeDim must equal {@code width}
 */
public record ClusterTokenizerConfig(int imageSize, int hiddenChannels, int downsamplings, int width,
                                     double positionWeight, DensityPeakConfig clustering, int decoderLayers,
                                     int heads, VqConfig quantizer) {

    public ClusterTokenizerConfig {
        if (downsamplings < 1 || downsamplings > 4 || imageSize % (1 << downsamplings) != 0) {
            throw new IllegalArgumentException("imageSize must be a multiple of 2^downsamplings with downsamplings in 1..4, got "
                    + imageSize + " and " + downsamplings);
        }
        if (width < 4 || width % 4 != 0 || heads < 1 || width % heads != 0) {
            throw new IllegalArgumentException("width must be a multiple of 4 and of heads, got width=" + width
                    + " heads=" + heads);
        }
        if (hiddenChannels < 1 || decoderLayers < 1 || positionWeight < 0) {
            throw new IllegalArgumentException("hiddenChannels and decoderLayers must be >= 1 and positionWeight >= 0");
        }
        if (clustering == null || quantizer == null) {
            throw new IllegalArgumentException("clustering and quantizer settings are required");
        }
        if (quantizer.codeDim() != width) {
            throw new IllegalArgumentException("the quantizer's codeDim (" + quantizer.codeDim() + ") must equal width ("
                    + width + ")");
        }
    }

    /** 64x64 scenes, 8x8 patches, up to 16 tokens from 256 cosine codes of width 8. */
    public static ClusterTokenizerConfig shapes64() {
        // few vectors per batch (a handful of clusters per image): a low restart threshold
        VqConfig vq = VqConfig.standard().withCodeDim(64).withLookupDim(8).withCosine(true).withDeadCodeThreshold(0.05);
        return new ClusterTokenizerConfig(64, 48, 3, 64, 0.3, DensityPeakConfig.standard(), 2, 4, vq);
    }

    /** 16x16 images, 4x4 patches, 16 codes: for tests. */
    public static ClusterTokenizerConfig tiny() {
        return new ClusterTokenizerConfig(16, 8, 2, 16, 0.3, new DensityPeakConfig(3, 0.08, 1, 8), 1, 2,
                VqConfig.tiny().withCodeDim(16).withLookupDim(4).withCosine(true));
    }

    /** Side of the patch grid. */
    public int gridSize() {
        return imageSize >> downsamplings;
    }

    /** Patches per image. */
    public int patches() {
        return gridSize() * gridSize();
    }
}
