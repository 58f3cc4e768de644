package dev.tessera.engine.semantic;

import dev.tessera.engine.tokenize.SemanticFeatures;

/**
 * Architecture of a {@link SemanticEncoder}: a convolution stack of the grid tokenizers' encoder
 * shape (so a semantic tokenizer can hold it as its frozen backbone) giving {@code featureDim}
 * features at each of the {@code (imageSize >> downsamplings)^2} grid positions, and a projection
 * head used only by the contrastive loss (SimCLR's head, Chen et al. 2020: the features before it
 * keep more of the image).
 *
 * @param imageSize      input side in pixels, a multiple of {@code 2^downsamplings}
 * @param hiddenChannels convolution width
 * @param downsamplings  stride-2 stages (the grid side is {@code imageSize >> downsamplings})
 * @param featureDim     features at each position
 * @param projectionDim  width of the projection head's output
 */
public record SemanticEncoderConfig(int imageSize, int hiddenChannels, int downsamplings, int featureDim,
                                    int projectionDim) {

    public SemanticEncoderConfig {
        if (downsamplings < 1 || downsamplings > 4 || imageSize < 8 || imageSize % (1 << downsamplings) != 0) {
            throw new IllegalArgumentException("imageSize must be >= 8 and a multiple of 2^downsamplings (downsamplings "
                    + "1..4), got " + imageSize + " and " + downsamplings);
        }
        if (hiddenChannels < 1 || featureDim < 1 || projectionDim < 1) {
            throw new IllegalArgumentException("hiddenChannels, featureDim and projectionDim must be >= 1, got "
                    + hiddenChannels + ", " + featureDim + ", " + projectionDim);
        }
    }

    /** 32 px scenes -> 8x8 positions of 64 features, 48 channels: the backbone of {@code sem-shapes32}. */
    public static SemanticEncoderConfig shapes32() {
        return new SemanticEncoderConfig(32, 48, 2, 64, 64);
    }

    /** 16 px -> 4x4 positions of 8 features, 8 channels: trains in seconds, for tests. */
    public static SemanticEncoderConfig tiny() {
        return new SemanticEncoderConfig(16, 8, 2, 8, 8);
    }

    /** Side of the feature grid. */
    public int gridSize() {
        return imageSize >> downsamplings;
    }

    /** What a semantic tokenizer over this encoder, named {@code encoder}, must hold as its backbone. */
    public SemanticFeatures asBackbone(String encoder) {
        return new SemanticFeatures(hiddenChannels, featureDim, encoder);
    }
}
