package dev.tessera.magic;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.image.Images;

/**
 * {@code %tessera tokenize <image path | sample:N> [--size N] [--tokenizer NAME]}: one call of
 * {@link Tessera#tokenize(ImageSource, int, String)}.
 *
 * @param source    the image
 * @param size      the side the image is resized to; must match the tokenizer
 * @param tokenizer a shipped tokenizer's name
 */
public record TokenizeRequest(ImageSource source, int size, String tokenizer) implements Magic {

    public TokenizeRequest {
        Images.checkSide(size);
    }

    @Override
    public Object execute() {
        return Tessera.tokenize(source, size, tokenizer);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("tokenize");
    }
}
