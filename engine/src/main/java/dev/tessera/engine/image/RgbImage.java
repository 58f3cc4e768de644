package dev.tessera.engine.image;

import java.util.Arrays;

/**
 * An RGB image as planar floats in [0, 1] (channel-major: all red, then green, then blue),
 * the layout the convolutional tokenizers consume directly.
 *
 * @param width  pixels per row, positive
 * @param height rows, positive
 * @param pixels {@code 3 * height * width} values, channel-major
 */
public record RgbImage(int width, int height, float[] pixels) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != 3 * width * height) {
            throw new IllegalArgumentException("an RGB image of " + width + "x" + height + " needs "
                    + 3 * width * height + " values, got " + pixels.length);
        }
    }

    /** The value of channel {@code c} (0 red, 1 green, 2 blue) at column {@code x}, row {@code y}. */
    public float at(int c, int x, int y) {
        return pixels[(c * height + y) * width + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && width == other.width && height == other.height
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
