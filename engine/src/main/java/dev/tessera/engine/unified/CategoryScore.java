package dev.tessera.engine.unified;

import dev.tessera.engine.prompt.PromptCategory;

/**
 * One prompt category of a {@link GenerationReport}.
 *
 * @param category         what its prompts test
 * @param prompts          prompts drawn (repeats count again, with other sampling seeds)
 * @param images           images generated and judged
 * @param accuracy         share of images in which the judge sees everything the prompt asks
 * @param standardError    standard error of {@code accuracy} over the category's prompts (the sample
 *                         standard deviation of each prompt's share of right images, over the square root
 *                         of the number of prompts), so a prompt's images do not count as independent;
 *                         NaN with one prompt. Spread over training seeds needs several trained models
 * @param objectsRight     share of images with the prompt's objects and no others, whatever their relation
 *                         (differs from {@code accuracy} only for position prompts)
 * @param diversity        mean over prompts of the share of distinct id sequences among its samples
 *                         (1 = every sample different; NaN with one sample per prompt)
 * @param judgeOnReal      the same judgement on real scenes that show the prompts: the judge's ceiling
 * @param judgeOnTokenized on those real scenes after the model's tokenizer encodes and decodes them:
 *                         the ceiling for a generator that writes this tokenizer's ids
 * @param judgeFalsePass   share of real near misses of the prompts ({@code ScenePrompts.nearMiss}: an
 *                         object too many, swapped colours, the opposite relation) that the judge passes:
 *                         how far a score can sit above the truth
 */
public record CategoryScore(PromptCategory category, int prompts, int images, double accuracy, double standardError,
                            double objectsRight, double diversity, double judgeOnReal, double judgeOnTokenized,
                            double judgeFalsePass) {

    @Override
    public String toString() {
        return String.format("%s %.1f%% ± %.1f (objects right %.1f%%; ceiling %.1f%% real, %.1f%% tokenized; judge passes "
                        + "%.1f%% of near misses; diversity %.2f)", category.words(), 100 * accuracy, 100 * standardError,
                100 * objectsRight, 100 * judgeOnReal, 100 * judgeOnTokenized, 100 * judgeFalsePass, diversity);
    }
}
