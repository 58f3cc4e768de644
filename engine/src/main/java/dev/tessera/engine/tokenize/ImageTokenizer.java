package dev.tessera.engine.tokenize;

import dev.tessera.engine.image.RgbImage;

import java.util.List;

/**
 * Turns images into discrete tokens and back. The shared method vocabulary
 * ({@code image -> tokens}, {@code tokens -> image}) lets variants swap.
 *
 * @param <T> the kind of tokens: a fixed {@link TokenGrid} or a variable {@link TokenSet}
 */
public interface ImageTokenizer<T extends ImageTokens> extends AutoCloseable {

    /** The checkpoint name, e.g. {@code vq-shapes64}. */
    String name();

    /** Side of the square images it accepts. */
    int imageSize();

    /** One line for tables, e.g. "VQ 256, 16x16 grid". */
    String describe();

    /** Tokens of each image; every image must be {@link #imageSize()} square. */
    List<T> encode(List<RgbImage> images);

    /** Images decoded from tokens. */
    List<RgbImage> decode(List<T> tokens);

    /** Number of codes (per level) the tokens index into. */
    int codebookSize();

    /**
     * What each of {@code codes} looks like alone: the image decoded from tokens that all use
     * that one code (first level only for residual stacks). The pictures of a codebook atlas.
     */
    List<RgbImage> decodeCodes(int[] codes);

    default T encode(RgbImage image) {
        return encode(List.of(image)).get(0);
    }

    default RgbImage decode(T tokens) {
        return decode(List.of(tokens)).get(0);
    }

    @Override
    void close();
}
