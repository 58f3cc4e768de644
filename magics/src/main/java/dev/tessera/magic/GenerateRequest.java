package dev.tessera.magic;

import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedModels;

/**
 * {@code %tessera generate "<prompt>" [--n N] [--temperature T] [--top-k K] [--top-p P] [--cfg S]
 * [--seed N] [--model NAME|FOLDER]}: one call of {@link UnifiedModels#generate}.
 */
public record GenerateRequest(String prompt, int n, SamplingConfig sampling, String model) implements Magic {

    public GenerateRequest {
        UnifiedModel.checkImageCount(n);
        if (sampling == null) {
            throw new IllegalArgumentException("sampling settings are required, e.g. SamplingConfig.images(0)");
        }
    }

    @Override
    public Object execute() {
        return UnifiedModels.generate(prompt, n, sampling, model);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("generate");
    }
}
