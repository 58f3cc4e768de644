package dev.tessera.engine.tokenize;

/**
 * The frozen feature encoder of a semantic grid tokenizer (ILLUME, arXiv 2412.06673): the
 * tokenizer's codes are trained to reconstruct this encoder's features, not pixels, and a second
 * decoder draws pixels from the codes without shaping them. The encoder is a convolution stack of
 * {@link ConvNets#encoder} shape ({@code hiddenChannels} wide, the tokenizer's downsamplings, then
 * {@code featureDim} channels), trained on its own without captions or questions (the
 * {@code dev.tessera.engine.semantic} package) and copied into the tokenizer before it trains.
 *
 * @param hiddenChannels the encoder's convolution width
 * @param featureDim     channels of the features at each grid position
 * @param encoder        the semantic encoder the weights came from: a shipped name or a folder
 */
public record SemanticFeatures(int hiddenChannels, int featureDim, String encoder) {

    public SemanticFeatures {
        if (hiddenChannels < 1 || featureDim < 1) {
            throw new IllegalArgumentException("a semantic encoder needs hiddenChannels and featureDim >= 1, got "
                    + hiddenChannels + " and " + featureDim);
        }
        if (encoder == null || encoder.isBlank()) {
            throw new IllegalArgumentException("name the semantic encoder whose features the tokenizer reconstructs, "
                    + "e.g. " + SHIPPED_32);
        }
    }

    /** The shipped semantic encoder of 32 px scenes. */
    public static final String SHIPPED_32 = "semantic-encoder32";
}
