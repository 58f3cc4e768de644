package dev.tessera.magic;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.data.EvaluationSet;

/**
 * {@code %tessera codebook [--tokenizer NAME] [--images N]}: one call of
 * {@link Tessera#codebook(String, int)}.
 *
 * @param tokenizer a shipped tokenizer's name
 * @param images    held-out scenes over which code usage is counted
 */
public record CodebookRequest(String tokenizer, int images) implements Magic {

    public CodebookRequest {
        EvaluationSet.checkCount(images);
    }

    @Override
    public Object execute() {
        return Tessera.codebook(tokenizer, images);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("codebook");
    }
}
