package dev.tessera.magic;

import dev.tessera.engine.Tessera;
import dev.tessera.engine.data.EvaluationSet;

import java.util.List;

/**
 * {@code %tessera compare <tokenizers...> [--data DATA] [--images N]}: one call of
 * {@link Tessera#compare(List, EvaluationSet.Source, int)}.
 *
 * @param tokenizers shipped tokenizer names
 * @param data       what to measure on
 * @param images     how many images
 */
public record CompareRequest(List<String> tokenizers, EvaluationSet.Source data, int images) implements Magic {

    public CompareRequest {
        tokenizers = List.copyOf(tokenizers);
        EvaluationSet.checkCount(images);
    }

    @Override
    public Object execute() {
        return Tessera.compare(tokenizers, data, images);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("compare");
    }
}
