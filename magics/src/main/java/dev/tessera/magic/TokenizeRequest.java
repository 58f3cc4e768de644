package dev.tessera.magic;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.image.ImageSource;

/**
 * {@code %tessera tokenize <image path | sample:N> [--size 64]}: one call of
 * {@link Tessera#tokenize(ImageSource, int)}.
 *
 * @param source the image
 * @param size   the side the image is resized to; must match the tokenizer
 */
public record TokenizeRequest(ImageSource source, int size) implements Magic {

    static final String USAGE = "Usage: %tessera tokenize <image path | sample:N> [--size 64]\n"
            + "  sample:N   held-out synthetic scene number N (N >= 0)\n"
            + "  path       a PNG, JPEG, GIF or BMP file; it is centre-cropped to a square and resized\n"
            + "  --size     side in pixels the tokenizer takes (default 64)";

    @Override
    public Object execute() {
        return Tessera.tokenize(source, size);
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
