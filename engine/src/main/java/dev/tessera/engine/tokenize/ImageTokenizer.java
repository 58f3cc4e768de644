package dev.tessera.engine.tokenize;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * Turns images into discrete tokens and back. The shared method vocabulary
 * ({@code image -> indices}, {@code indices -> image}) lets variants swap.
 */
public interface ImageTokenizer extends AutoCloseable {

    /** The checkpoint name, e.g. {@code vq-shapes64}. */
    String name();

    /** Side of the square images it accepts. */
    int imageSize();

    /** Tokens of each image; every image must be {@link #imageSize()} square. */
    List<TokenGrid> encode(List<RgbImage> images);

    /** Images decoded from token grids. */
    List<RgbImage> decode(List<TokenGrid> grids);

    default TokenGrid encode(RgbImage image) {
        return encode(List.of(image)).get(0);
    }

    default RgbImage decode(TokenGrid grid) {
        return decode(List.of(grid)).get(0);
    }

    @Override
    void close();
}
