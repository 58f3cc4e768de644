package dev.tessera.engine.judge;

/**
 * The architecture of a {@link SceneJudge}: the tokenizers' convolutional encoder (stride-2
 * convolutions) over the image, flattened, then one hidden layer and the linear heads.
 *
 * @param imageSize     side of the square images it reads: 16, 32 or 64 (the scene sizes)
 * @param channels      width of the convolutions
 * @param downsamplings stride-2 halvings; the last feature map must stay at least 2x2
 * @param features      channels of the last feature map (a 1x1 convolution), before flattening
 * @param hidden        units of the hidden layer between the features and the heads
 */
public record JudgeConfig(int imageSize, int channels, int downsamplings, int features, int hidden) {

    public JudgeConfig {
        if (imageSize != 16 && imageSize != 32 && imageSize != 64) {
            throw new IllegalArgumentException("imageSize must be 16, 32 or 64 (the scene sizes), got " + imageSize);
        }
        if (channels < 1 || channels > 512 || features < 1 || features > 512 || hidden < 1 || hidden > 4096) {
            throw new IllegalArgumentException("channels and features must be in 1..512 and hidden in 1..4096, got channels="
                    + channels + " features=" + features + " hidden=" + hidden);
        }
        if (downsamplings < 1 || imageSize >> downsamplings < 2) {
            throw new IllegalArgumentException("downsamplings must be in 1.." + (Integer.numberOfTrailingZeros(imageSize) - 1)
                    + " for " + imageSize + "px images (the last feature map stays at least 2x2), got " + downsamplings);
        }
    }

    /** The shipped judge {@code judge-shapes32}: 32x32 scenes, 4x4 feature map, ~90k parameters. */
    public static JudgeConfig scenes32() {
        return new JudgeConfig(32, 32, 3, 16, 96);
    }

    /** 16x16 and ~15k parameters, for tests. */
    public static JudgeConfig tiny() {
        return new JudgeConfig(16, 16, 2, 8, 32);
    }

    /** Side of the last feature map. */
    public int gridSize() {
        return imageSize >> downsamplings;
    }
}
