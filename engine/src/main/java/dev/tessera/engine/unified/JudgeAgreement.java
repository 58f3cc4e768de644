package dev.tessera.engine.unified;

import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.prompt.ScenePrompt;
import dev.tessera.engine.prompt.ScenePrompts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often two judges give the same verdict on a model's images: for each GenEval category's
 * sampled prompts, the model draws images and each judge says whether an image shows everything
 * its prompt asks. ILLUME's self-enhancement needs an assessor that is not the examiner
 * (arXiv 2412.06673): this measures how far the assessor, of another architecture, agrees with
 * the judge that scores the model, on the kind of images it will assess.
 *
 * @param first       the first judge's name
 * @param second      the second judge's name
 * @param images      images judged by both
 * @param agreement   share of images both judges pass or both fail
 * @param kappa       Cohen's kappa: agreement beyond what the two pass rates give by chance
 *                    (1 = always agree, 0 = chance)
 * @param firstPass   share the first judge passes
 * @param secondPass  share the second judge passes
 * @param byCategory  agreement per prompt category
 */
public record JudgeAgreement(String first, String second, int images, double agreement, double kappa, double firstPass,
                             double secondPass, Map<PromptCategory, Double> byCategory) {

    public JudgeAgreement {
        byCategory = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
    }

    /** Draws {@code config}'s prompts and images with {@code model} and compares the judges' verdicts. */
    public static JudgeAgreement measure(UnifiedModel model, SceneJudge a, SceneJudge b, GenerationEvaluationConfig config,
                                         SamplingConfig sampling) {
        int n = config.samplesPerPrompt();
        int both = 0;
        int neither = 0;
        int onlyA = 0;
        int onlyB = 0;
        long p = 0;
        Map<PromptCategory, Double> byCategory = new LinkedHashMap<>();
        for (PromptCategory category : PromptCategory.values()) {
            int same = 0;
            int seen = 0;
            for (ScenePrompt prompt : ScenePrompts.sample(category, config.promptsPerCategory(),
                    GenerationEvaluation.MAX_OBJECTS, config.promptSeed())) {
                Generation g = model.generate(prompt.text(), n, sampling.withSeed(sampling.seed() + 1000L * p++), false);
                List<JudgeVerdict> va = a.judge(g.images());
                List<JudgeVerdict> vb = b.judge(g.images());
                for (int i = 0; i < n; i++) {
                    boolean pa = prompt.satisfiedBy(va.get(i));
                    boolean pb = prompt.satisfiedBy(vb.get(i));
                    both += pa && pb ? 1 : 0;
                    neither += !pa && !pb ? 1 : 0;
                    onlyA += pa && !pb ? 1 : 0;
                    onlyB += !pa && pb ? 1 : 0;
                    same += pa == pb ? 1 : 0;
                    seen++;
                }
            }
            byCategory.put(category, same / (double) seen);
        }
        double total = both + neither + onlyA + onlyB;
        return new JudgeAgreement(a.name(), b.name(), (int) total, (both + neither) / total,
                kappa(both, neither, onlyA, onlyB), (both + onlyA) / total, (both + onlyB) / total, byCategory);
    }

    /**
     * Cohen's kappa of two pass/fail raters from their 2x2 table: observed agreement beyond the
     * agreement their pass rates give by chance, over the most that could be beyond chance; 1
     * when chance alone already agrees always (both always pass, or both never do).
     */
    static double kappa(int both, int neither, int onlyFirst, int onlySecond) {
        double total = both + neither + onlyFirst + onlySecond;
        double agree = (both + neither) / total;
        double first = (both + onlyFirst) / total;
        double second = (both + onlySecond) / total;
        double chance = first * second + (1 - first) * (1 - second);
        return chance >= 1 ? 1 : (agree - chance) / (1 - chance);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%s and %s agree on %.1f%% of %d generated images (Cohen's kappa %.2f; they pass %.1f%% and %.1f%%)",
                first, second, 100 * agreement, images, kappa, 100 * firstPass, 100 * secondPass));
        byCategory.forEach((c, v) -> s.append(String.format(java.util.Locale.ROOT, "%n  %-20s %.1f%%", c.id(), 100 * v)));
        return s.toString();
    }
}
