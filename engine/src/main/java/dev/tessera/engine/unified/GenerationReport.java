package dev.tessera.engine.unified;

import java.util.List;
import java.util.Map;

/**
 * Text-to-image judged as GenEval judges it (Ghosh et al., 2023): prompts of six categories
 * from the scene grammar, an image right only if the per-object judge sees everything its
 * prompt asks, the overall score the unweighted mean over categories. Beside every score, the
 * judge's own on real scenes that show the same prompts, and on those scenes through the
 * model's tokenizer, bound what a generator can reach.
 *
 * @param categories       one score per category, in {@link dev.tessera.engine.prompt.PromptCategory} order
 * @param images           images generated and judged
 * @param overall          unweighted mean of the categories' accuracies
 * @param judgeOnReal      unweighted mean of the categories' ceilings on real scenes
 * @param judgeOnTokenized unweighted mean of the categories' ceilings on tokenized real scenes
 * @param judgeFalsePass   unweighted mean of the categories' shares of real near misses the judge passes
 * @param byPrompt         share judged right per distinct prompt text
 * @param millisPerImage   mean generation time per image (decoder included)
 * @param cfgScale         guidance scale used
 * @param judge            name of the judge that scored the images
 */
public record GenerationReport(List<CategoryScore> categories, int images, double overall, double judgeOnReal,
                               double judgeOnTokenized, double judgeFalsePass, Map<String, Double> byPrompt,
                               double millisPerImage, double cfgScale, String judge) {

    public GenerationReport {
        categories = List.copyOf(categories);
        byPrompt = Map.copyOf(byPrompt);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format("text-to-image, GenEval-style: overall %.1f%% of %d images "
                        + "(judge %s on real scenes %.1f%%, on tokenized %.1f%%, passes %.1f%% of near misses; cfg %.1f, "
                        + "%.0f ms/image)", 100 * overall, images, judge, 100 * judgeOnReal, 100 * judgeOnTokenized,
                100 * judgeFalsePass, cfgScale, millisPerImage));
        categories.forEach(c -> s.append("\n  ").append(c));
        return s.toString();
    }
}
