package dev.tessera.magic;

import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedModels;

/**
 * {@code %tessera generate "<prompt>" [--n 8] [--temperature 0.8] [--top-k 32] [--top-p 1]
 * [--cfg 2] [--seed 0] [--model NAME|FOLDER]}: one call of {@link UnifiedModels#generate}.
 */
public record GenerateRequest(String prompt, int n, SamplingConfig sampling, String model) implements Magic {

    static final String USAGE = "Usage: %tessera generate \"<prompt>\" [--n 8] [--temperature 0.8] [--top-k 32] "
            + "[--top-p 1.0] [--cfg 2.0] [--seed 0] [--model NAME|FOLDER]\n"
            + "  prompt         a caption such as \"a red circle\" or \"two blue squares and a yellow triangle\"\n"
            + "  --n            images to draw (1.." + UnifiedModel.MAX_IMAGES + ")\n"
            + "  --temperature  0 = greedy; higher = more varied (0.." + (int) SamplingConfig.MAX_TEMPERATURE + ")\n"
            + "  --top-k/--top-p  sample only among the k most likely codes (0 = all, at most " + SamplingConfig.MAX_TOP_K
            + ") / the smallest set holding p of the mass (0 < p <= 1)\n"
            + "  --cfg          classifier-free guidance scale (1 = off, 0.." + (int) SamplingConfig.MAX_CFG + ")\n"
            + "  --seed         any whole number; the same seed draws the same images";

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
        return USAGE;
    }
}
