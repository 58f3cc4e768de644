package dev.tessera.magic;

import dev.tessera.engine.image.ImageSource;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.unified.UnifiedModels;

/**
 * {@code %tessera edit <image path | sample:N> "<instruction>" [--temperature T] [--top-k K]
 * [--seed N] [--model NAME|FOLDER]}: one call of {@link UnifiedModels#edit}; the model defaults
 * to the shipped {@code illume-shapes32}, the one that trained on editing.
 */
public record EditRequest(ImageSource source, String instruction, SamplingConfig sampling, String model) implements Magic {

    public EditRequest {
        if (sampling == null) {
            throw new IllegalArgumentException("sampling settings are required, e.g. SamplingConfig.greedy()");
        }
    }

    @Override
    public Object execute() {
        return UnifiedModels.edit(source, instruction, sampling, model);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("edit");
    }
}
