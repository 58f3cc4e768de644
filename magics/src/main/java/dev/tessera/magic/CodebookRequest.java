package dev.tessera.magic;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.data.EvaluationSet;

/**
 * {@code %tessera codebook [--tokenizer NAME] [--images 256]}: one call of
 * {@link Tessera#codebook(String, int)}.
 *
 * @param tokenizer a shipped tokenizer's name
 * @param images    held-out scenes over which code usage is counted
 */
public record CodebookRequest(String tokenizer, int images) implements Magic {

    static final String USAGE = "Usage: %tessera codebook [--tokenizer NAME] [--images 256]\n"
            + "  --tokenizer  " + TokenizerNames.choices() + "\n"
            + "  --images     held-out scenes over which code usage is counted (1.." + EvaluationSet.MAX_IMAGES + ")";

    public CodebookRequest {
        EvaluationSet.checkCount(images);
    }

    @Override
    public Object execute() {
        return Tessera.codebook(tokenizer, images);
    }

    @Override
    public String usage() {
        return USAGE;
    }
}
