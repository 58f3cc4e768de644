package dev.tessera.engine.judge;

/**
 * The architecture of a {@link SceneJudge}: the tokenizers' convolutional encoder (stride-2
 * convolutions) over the image down to a grid of cells, then a 3x3 convolution and the
 * per-cell heads of {@link JudgeHeads}.
 *
 * @param imageSize     side of the square images it reads: 16, 32 or 64 (the scene sizes)
 * @param channels      width of the encoder's convolutions
 * @param downsamplings stride-2 halvings; the grid must keep at least {@value #MIN_GRID} cells a
 *                      side, so that no two objects' centres share a cell
 * @param features      channels of the encoder's last feature map (a 1x1 convolution)
 * @param hidden        channels of the 3x3 convolution between the features and the heads
 */
public record JudgeConfig(int imageSize, int channels, int downsamplings, int features, int hidden) {

    /** Fewest cells per side: two centres of a scene are further apart than an 8-cell grid's cell diagonal. */
    public static final int MIN_GRID = 8;

    public JudgeConfig {
        if (imageSize != 16 && imageSize != 32 && imageSize != 64) {
            throw new IllegalArgumentException("imageSize must be 16, 32 or 64 (the scene sizes), got " + imageSize);
        }
        if (channels < 1 || channels > 512 || features < 1 || features > 512 || hidden < 1 || hidden > 4096) {
            throw new IllegalArgumentException("channels and features must be in 1..512 and hidden in 1..4096, got channels="
                    + channels + " features=" + features + " hidden=" + hidden);
        }
        if (downsamplings < 1 || imageSize >> downsamplings < MIN_GRID) {
            throw new IllegalArgumentException("downsamplings must be in 1.." + Integer.numberOfTrailingZeros(imageSize / MIN_GRID)
                    + " for " + imageSize + "px images (the grid keeps at least " + MIN_GRID + " cells a side, one object "
                    + "centre per cell), got " + downsamplings);
        }
    }

    /** The shipped judge {@code judge-objects32}: 32x32 scenes, an 8x8 grid of 4-pixel cells. */
    public static JudgeConfig objects32() {
        return new JudgeConfig(32, 48, 2, 48, 64);
    }

    /** 16x16 scenes, an 8x8 grid of 2-pixel cells and a few thousand parameters, for tests. */
    public static JudgeConfig tiny() {
        return new JudgeConfig(16, 16, 1, 16, 16);
    }

    /** Cells per side of the output grid. */
    public int gridSize() {
        return imageSize >> downsamplings;
    }
}
