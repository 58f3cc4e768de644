package dev.tessera.engine.unified;

import dev.tessera.engine.prompt.PromptCategory;

/**
 * One prompt category of a {@link GenerationReport}.
 *
 * @param category         what its prompts test
 * @param prompts          prompts drawn (repeats count again, with other sampling seeds)
 * @param images           images generated and judged
 * @param accuracy         share of images in which the judge sees everything the prompt asks
 * @param standardError    binomial standard error of {@code accuracy} over its images (sampling
 *                         noise only; spread over training seeds is measured by training several)
 * @param diversity        mean over prompts of the share of distinct id sequences among its samples
 *                         (1 = every sample different; NaN with one sample per prompt)
 * @param judgeOnReal      the same judgement on real scenes that show the prompts: the judge's ceiling
 * @param judgeOnTokenized on those real scenes after the model's tokenizer encodes and decodes them:
 *                         the ceiling for a generator that writes this tokenizer's ids
 */
public record CategoryScore(PromptCategory category, int prompts, int images, double accuracy, double standardError,
                            double diversity, double judgeOnReal, double judgeOnTokenized) {

    @Override
    public String toString() {
        return String.format("%s %.1f%% ± %.1f (ceiling %.1f%% real, %.1f%% tokenized; diversity %.2f)", category.words(),
                100 * accuracy, 100 * standardError, 100 * judgeOnReal, 100 * judgeOnTokenized, diversity);
    }
}
