package dev.tessera.engine.judge;

/**
 * The architecture of a {@link SceneJudge}: what it reads and the network that reads it. Both
 * kinds end in the per-cell heads of {@link JudgeHeads} over a grid of cells, so both give the
 * same {@link JudgeVerdict}s and train with the same loss.
 * <ul>
 *   <li>{@value #PIXELS}: the tokenizers' convolutional encoder (stride-2 convolutions) over the
 *       image down to a grid of cells, then a 3x3 convolution and the heads (the shipped judge).</li>
 *   <li>A grid tokenizer's name, e.g. {@code fsq-shapes32}: a transformer encoder over that
 *       tokenizer's ids of the image, one position per grid cell (each id and its position
 *       one-hot, projected to {@code features}, then {@code layers} self-attention blocks and
 *       a linear head per position). It never sees a pixel: the assessor of ILLUME's
 *       self-enhancement, of another architecture than the judge that scores the model.</li>
 * </ul>
 *
 * @param imageSize     side of the square images it reads: 16, 32 or 64 (the scene sizes)
 * @param channels      width of the encoder's convolutions (pixels); 0 for a token reader
 * @param downsamplings stride-2 halvings from the image to the grid; the grid must keep at least
 *                      {@value #MIN_GRID} cells a side, so that no two objects' centres share a
 *                      cell (a token reader's tokenizer grid must be this size)
 * @param features      channels of the encoder's last feature map (pixels) or the transformer's width (tokens)
 * @param hidden        channels of the 3x3 convolution (pixels) or the transformer's MLP width (tokens)
 * @param reads         {@value #PIXELS} (null in checkpoints written before token readers) or a grid tokenizer name
 * @param layers        self-attention blocks of a token reader; 0 for pixels
 * @param heads         attention heads of a token reader (they divide {@code features}); 0 for pixels
 */
public record JudgeConfig(int imageSize, int channels, int downsamplings, int features, int hidden, String reads,
                          int layers, int heads) {

    /** Fewest cells per side: two centres of a scene are further apart than an 8-cell grid's cell diagonal. */
    public static final int MIN_GRID = 8;
    /** What the convolutional judge reads. */
    public static final String PIXELS = "pixels";

    public JudgeConfig {
        if (reads == null) {
            reads = PIXELS;
        }
        if (imageSize != 16 && imageSize != 32 && imageSize != 64) {
            throw new IllegalArgumentException("imageSize must be 16, 32 or 64 (the scene sizes), got " + imageSize);
        }
        if (features < 1 || features > 512 || hidden < 1 || hidden > 4096) {
            throw new IllegalArgumentException("features must be in 1..512 and hidden in 1..4096, got features=" + features
                    + " hidden=" + hidden);
        }
        if (reads.equals(PIXELS)) {
            if (channels < 1 || channels > 512 || layers != 0 || heads != 0) {
                throw new IllegalArgumentException("a judge reading pixels has channels in 1..512 and no attention layers or "
                        + "heads, got channels=" + channels + " layers=" + layers + " heads=" + heads);
            }
        } else if (channels != 0 || layers < 1 || layers > 12 || heads < 1 || features % heads != 0) {
            throw new IllegalArgumentException("a judge reading " + reads + " tokens has channels 0, 1..12 layers and heads "
                    + "that divide its width, got channels=" + channels + " layers=" + layers + " heads=" + heads
                    + " features=" + features);
        }
        if (downsamplings < 1 || imageSize >> downsamplings < MIN_GRID) {
            throw new IllegalArgumentException("downsamplings must be in 1.." + Integer.numberOfTrailingZeros(imageSize / MIN_GRID)
                    + " for " + imageSize + "px images (the grid keeps at least " + MIN_GRID + " cells a side, one object "
                    + "centre per cell), got " + downsamplings);
        }
    }

    /** A judge reading pixels with the convolutional network. */
    public JudgeConfig(int imageSize, int channels, int downsamplings, int features, int hidden) {
        this(imageSize, channels, downsamplings, features, hidden, PIXELS, 0, 0);
    }

    /** The shipped judge {@code judge-objects32}: 32x32 scenes, an 8x8 grid of 4-pixel cells. */
    public static JudgeConfig objects32() {
        return new JudgeConfig(32, 48, 2, 48, 64);
    }

    /**
     * The shipped assessor {@code assessor-tokens32}: a 2-block transformer of width 64 over
     * {@code fsq-shapes32}'s 8x8 ids of a 32x32 scene.
     */
    public static JudgeConfig tokens32() {
        return new JudgeConfig(32, 0, 2, 64, 128, "fsq-shapes32", 2, 4);
    }

    /** 16x16 scenes, an 8x8 grid of 2-pixel cells and a few thousand parameters, for tests. */
    public static JudgeConfig tiny() {
        return new JudgeConfig(16, 16, 1, 16, 16);
    }

    /** True when it reads a tokenizer's ids rather than pixels. */
    public boolean readsTokens() {
        return !reads.equals(PIXELS);
    }

    /** Cells per side of the output grid. */
    public int gridSize() {
        return imageSize >> downsamplings;
    }
}
