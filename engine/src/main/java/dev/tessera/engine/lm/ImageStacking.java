package dev.tessera.engine.lm;

/**
 * How the D ids a residual tokenizer writes per grid position enter the transformer.
 * <ul>
 *   <li>flat ({@code depthLayers == 0}, every model before stacking existed): each level id is a
 *       position of its own, so an 8x8 image of depth 4 costs 256 positions;</li>
 *   <li>stacked ({@code depthLayers > 0}): UniCode's stacked quantization (arXiv 2403.09072) read
 *       as RQ-Transformer does (Lee et al. 2022, arXiv 2203.01941): the D ids of one position fold
 *       into ONE position whose input is the sum of their level embeddings, so the image costs 64
 *       positions whatever its depth; the D codes of a position are predicted one level after the
 *       other by a small causal depth transformer of {@code depthLayers} blocks ({@link DepthDecoder}).</li>
 * </ul>
 * Sequences keep their flat ids either way ({@link Folding} says which ids fold).
 *
 * @param depthLayers blocks of the depth transformer: 0 (flat) or 1..{@value #MAX_DEPTH_LAYERS} (stacked)
 */
public record ImageStacking(int depthLayers) {

    /** The most depth blocks a stacked model may have (RQ-Transformer's small models use a few). */
    public static final int MAX_DEPTH_LAYERS = 4;

    public ImageStacking {
        if (depthLayers < 0 || depthLayers > MAX_DEPTH_LAYERS) {
            throw new IllegalArgumentException("depthLayers must be 0 (flat: one position per level id) or 1.."
                    + MAX_DEPTH_LAYERS + " (stacked: one position per grid position and a depth transformer of that many "
                    + "blocks), got " + depthLayers);
        }
    }

    /** One position per id: every model that predates stacking. */
    public static ImageStacking flat() {
        return new ImageStacking(0);
    }

    /** One summed position per grid position, its levels predicted by a depth transformer of 2 blocks. */
    public static ImageStacking stacked() {
        return new ImageStacking(2);
    }

    /** True when a grid position's level ids fold into one position. */
    public boolean folds() {
        return depthLayers > 0;
    }
}
