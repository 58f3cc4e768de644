package dev.tessera.engine.data;

/**
 * How a data set reader turns stored images into {@link dev.tessera.engine.image.RgbImage}s.
 *
 * @param side  0 keeps every image at its stored size; otherwise each image becomes
 *              {@code side x side} by {@link dev.tessera.engine.image.Images#centreSquare}
 *              (transparency over black, centred largest square, bilinear scaling); 1..4096
 * @param limit the most images to read, at least 1; readers stop decoding once they have it
 */
public record ImageLoadOptions(int side, int limit) {

    /** Value of {@link #side} that keeps images at their stored size. */
    public static final int STORED_SIZE = 0;
    /** Largest accepted side. */
    public static final int MAX_SIDE = 4096;

    public ImageLoadOptions {
        if (side < 0 || side > MAX_SIDE) {
            throw new IllegalArgumentException("side must be 0 (keep the stored size) or 1.." + MAX_SIDE
                    + " pixels, e.g. 32 or 64; got " + side);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 image (Integer.MAX_VALUE for all), got " + limit);
        }
    }

    /** Every image at its stored size. */
    public static ImageLoadOptions all() {
        return new ImageLoadOptions(STORED_SIZE, Integer.MAX_VALUE);
    }

    /** Every image, resized to {@code side x side}. */
    public static ImageLoadOptions resizedTo(int side) {
        return new ImageLoadOptions(side, Integer.MAX_VALUE);
    }

    /** These options, reading at most {@code n} images. */
    public ImageLoadOptions withLimit(int n) {
        return new ImageLoadOptions(side, n);
    }

    /** These options with images resized to {@code s x s} (0: stored size). */
    public ImageLoadOptions withSide(int s) {
        return new ImageLoadOptions(s, limit);
    }

    /** Whether images are resized. */
    public boolean resizes() {
        return side != STORED_SIZE;
    }
}
