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

    /**
     * Bits a decoder needs to redraw the image from these tokens. For a grid, the ids alone
     * ({@code ids * log2(codebookSize)}): the positions are implied by the grid. A token set
     * overrides it to add each token's centre ({@link TokenSet#bits()}).
     */
    default double bits() {
        return ids().length * (Math.log(codebookSize()) / Math.log(2));
    }
}
