package dev.tessera.engine.lm;

/**
 * Shape of the decoder-only transformer: pre-LN blocks of causal self-attention and a GELU
 * MLP, learned absolute positions, input and output embeddings tied.
 *
 * @param width    model width d
 * @param layers   transformer blocks
 * @param heads    attention heads; must divide {@code width}
 * @param context  longest sequence (learned position table rows)
 * @param mlpRatio hidden width of the MLP as a multiple of {@code width}
 */
public record TransformerConfig(int width, int layers, int heads, int context, int mlpRatio) {

    public TransformerConfig {
        if (width < 8 || layers < 1 || heads < 1 || context < 8 || mlpRatio < 1) {
            throw new IllegalArgumentException("need width >= 8, layers >= 1, heads >= 1, context >= 8, mlpRatio >= 1; got "
                    + "width=" + width + " layers=" + layers + " heads=" + heads + " context=" + context
                    + " mlpRatio=" + mlpRatio);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must divide width (" + width + ")");
        }
    }

    /** Width 32, 2 layers: trains in seconds, for tests. */
    public static TransformerConfig tiny() {
        return new TransformerConfig(32, 2, 2, 96, 4);
    }

    /** Width 192, 4 layers (~1.9M parameters in the blocks): the shipped CPU model. */
    public static TransformerConfig small() {
        return new TransformerConfig(192, 4, 6, 96, 4);
    }

    /** Width 512, 8 layers (~25M parameters): for a GPU. */
    public static TransformerConfig gpu() {
        return new TransformerConfig(512, 8, 8, 256, 4);
    }

    /** Width of one attention head. */
    public int headWidth() {
        return width / heads;
    }

    /** Parameters in the transformer blocks and final norm (embeddings excluded). */
    public long blockParameters() {
        long d = width;
        long perLayer = 4 * d + (3 * d * d + 3 * d) + (d * d + d) + (mlpRatio * d * d + mlpRatio * d) + (mlpRatio * d * d + d);
        return layers * perLayer + 2 * d;
    }

    public TransformerConfig withContext(int c) {
        return new TransformerConfig(width, layers, heads, c, mlpRatio);
    }
}
