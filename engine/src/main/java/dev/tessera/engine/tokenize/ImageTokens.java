package dev.tessera.engine.tokenize;

/**
 * The tokens of one image, whatever the tokenizer: a fixed grid ({@link TokenGrid}) or a
 * variable set of cluster tokens ({@link TokenSet}). Metrics and pictures that only need
 * counts and ids work on this view.
 */
public sealed interface ImageTokens permits TokenGrid, TokenSet {

    /** Tokens the language model sees for this image (grid positions, or clusters). */
    int count();

    /** Every code id, in order (all levels for a residual grid). */
    int[] ids();

    /** Number of codes each id indexes into (per level). */
    int codebookSize();

    /** Bits needed to store the ids: {@code ids * log2(codebookSize)}. */
    default double bits() {
        return ids().length * (Math.log(codebookSize()) / Math.log(2));
    }
}
