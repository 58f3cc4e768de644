package dev.tessera.magic;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.image.Images;

/**
 * {@code %tessera tokenize <image path | sample:N> [--size 64] [--tokenizer NAME]}: one call of
 * {@link Tessera#tokenize(ImageSource, int, String)}.
 *
 * @param source    the image
 * @param size      the side the image is resized to; must match the tokenizer
 * @param tokenizer a shipped tokenizer's name
 */
public record TokenizeRequest(ImageSource source, int size, String tokenizer) implements Magic {

    static final String USAGE = "Usage: %tessera tokenize <image path | sample:N> [--size 64] [--tokenizer NAME]\n"
            + "  sample:N     held-out synthetic scene number N (N >= 0)\n"
            + "  path         a PNG, JPEG, GIF or BMP file; it is centre-cropped to a square and resized\n"
            + "  --size       side in pixels the tokenizer takes (default 64; 1.." + Images.MAX_SIDE + ")\n"
            + "  --tokenizer  " + TokenizerNames.choices();

    public TokenizeRequest {
        Images.checkSide(size);
    }

    @Override
    public Object execute() {
        return Tessera.tokenize(source, size, tokenizer);
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
