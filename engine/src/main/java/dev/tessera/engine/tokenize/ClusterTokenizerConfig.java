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
 * @param clusterOn      what the clustering compares (see {@link ClusterInput})
 * @param positionWeight weight of the position term in what is clustered: higher splits
 *                       far-apart look-alikes
 * @param clustering     DPC-kNN settings
 * @param decoderLayers  cross-attention layers of the decoder
 * @param heads          attention heads
 * @param quantizer      VQ of the pooled cluster vectors; its codeDim must equal {@code width}
 */
public record ClusterTokenizerConfig(int imageSize, int hiddenChannels, int downsamplings, int width,
                                     ClusterInput clusterOn, double positionWeight, DensityPeakConfig clustering,
                                     int decoderLayers, int heads, VqConfig quantizer) {

    /**
     * What DPC-kNN clusters. SeTok clusters features of a pretrained semantic encoder; with no
     * such encoder here, learned features drift during training and a fixed density threshold
     * loses its meaning, so the default clusters fixed patch descriptors instead.
     */
    public enum ClusterInput {
        /** Mean colour of each patch plus {@code positionWeight} times its (row, column) / side: stable. */
        PIXELS,
        /** Unit-length encoder features plus {@code positionWeight} times a unit-length 2D sinusoidal embedding (as in SeTok). */
        FEATURES
    }

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
        if (clustering == null || quantizer == null || clusterOn == null) {
            throw new IllegalArgumentException("clusterOn (pixels or features), clustering and quantizer settings are required");
        }
        if (quantizer.codeDim() != width) {
            throw new IllegalArgumentException("the quantizer's codeDim (" + quantizer.codeDim() + ") must equal width ("
                    + width + ")");
        }
    }

    /**
     * 64x64 scenes, 16x16 patches of 4 px, up to 16 tokens from 256 cosine codes of width 8.
     * Threshold, neighbours and position weight were chosen on held-out scenes so that a
     * scene gets about one token per object plus one for the background (README).
     */
    public static ClusterTokenizerConfig shapes64() {
        // few vectors per batch (a handful of clusters per image): a low restart threshold
        VqConfig vq = VqConfig.standard().withCodeDim(64).withLookupDim(8).withCosine(true).withDeadCodeThreshold(0.05);
        return new ClusterTokenizerConfig(64, 48, 2, 64, ClusterInput.PIXELS, 0.3, DensityPeakConfig.standard(), 2, 4, vq);
    }

    /**
     * 32x32 scenes (the unified model's), still a 16x16 patch grid (2 px patches, one
     * downsampling), so the clustering settings chosen at 64 px apply to the same number of
     * patches per object; up to 15 tokens, so a span of code and centre ids with its {@code <boi>}
     * and {@code <eoi>} stays under half of a 64-id grid image's 66 ids.
     */
    public static ClusterTokenizerConfig shapes32() {
        VqConfig vq = VqConfig.standard().withCodeDim(64).withLookupDim(8).withCosine(true).withDeadCodeThreshold(0.05);
        return new ClusterTokenizerConfig(32, 48, 1, 64, ClusterInput.PIXELS, 0.3, new DensityPeakConfig(5, 0.15, 1, 15), 2, 4,
                vq);
    }

    /** 16x16 images, 4x4 patches, 16 codes: for tests. */
    public static ClusterTokenizerConfig tiny() {
        return new ClusterTokenizerConfig(16, 8, 2, 16, ClusterInput.PIXELS, 0.3, new DensityPeakConfig(3, 0.15, 1, 8), 1, 2,
                VqConfig.tiny().withCodeDim(16).withLookupDim(4).withCosine(true));
    }

    public ClusterTokenizerConfig withClustering(ClusterInput on, double weight, DensityPeakConfig c) {
        return new ClusterTokenizerConfig(imageSize, hiddenChannels, downsamplings, width, on, weight, c, decoderLayers,
                heads, quantizer);
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
