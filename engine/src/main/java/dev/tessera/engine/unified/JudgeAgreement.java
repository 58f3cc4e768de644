package dev.tessera.engine.unified;

import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.prompt.ScenePrompt;
import dev.tessera.engine.prompt.ScenePrompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
        byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
    }

    /**
     * Two judges' verdicts on one image.
     *
     * @param category the category of the image's prompt
     * @param first    the first judge passes it
     * @param second   the second judge passes it
     */
    public record Verdicts(PromptCategory category, boolean first, boolean second) {
    }

    /** Draws {@code config}'s prompts and images with {@code model} and compares the judges' verdicts. */
    public static JudgeAgreement measure(UnifiedModel model, SceneJudge a, SceneJudge b, GenerationEvaluationConfig config,
                                         SamplingConfig sampling) {
        int n = config.samplesPerPrompt();
        long p = 0;
        List<Verdicts> all = new ArrayList<>();
        for (PromptCategory category : PromptCategory.values()) {
            for (ScenePrompt prompt : ScenePrompts.sample(category, config.promptsPerCategory(),
                    GenerationEvaluation.MAX_OBJECTS, config.promptSeed())) {
                Generation g = model.generate(prompt.text(), n, sampling.withSeed(sampling.seed() + 1000L * p++), false);
                List<JudgeVerdict> va = a.judge(g.images());
                List<JudgeVerdict> vb = b.judge(g.images());
                for (int i = 0; i < n; i++) {
                    all.add(new Verdicts(category, prompt.satisfiedBy(va.get(i)), prompt.satisfiedBy(vb.get(i))));
                }
            }
        }
        return of(a.name(), b.name(), all);
    }

    /** The agreement of judges {@code first} and {@code second} over their {@code verdicts}, per category in category order. */
    public static JudgeAgreement of(String first, String second, List<Verdicts> verdicts) {
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("agreement needs at least one image judged by both");
        }
        int both = 0;
        int neither = 0;
        int onlyA = 0;
        int onlyB = 0;
        Map<PromptCategory, int[]> tally = new EnumMap<>(PromptCategory.class);
        for (Verdicts v : verdicts) {
            both += v.first() && v.second() ? 1 : 0;
            neither += !v.first() && !v.second() ? 1 : 0;
            onlyA += v.first() && !v.second() ? 1 : 0;
            onlyB += !v.first() && v.second() ? 1 : 0;
            int[] t = tally.computeIfAbsent(v.category(), c -> new int[2]);
            t[0] += v.first() == v.second() ? 1 : 0;
            t[1]++;
        }
        Map<PromptCategory, Double> byCategory = new LinkedHashMap<>();
        tally.forEach((c, t) -> byCategory.put(c, t[0] / (double) t[1]));
        double total = verdicts.size();
        return new JudgeAgreement(first, second, verdicts.size(), (both + neither) / total, kappa(both, neither, onlyA, onlyB),
                (both + onlyA) / total, (both + onlyB) / total, byCategory);
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
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%s and %s agree on %.1f%% of %d generated images (Cohen's kappa %.2f; they pass %.1f%% and %.1f%%)",
                first, second, 100 * agreement, images, kappa, 100 * firstPass, 100 * secondPass));
        byCategory.forEach((c, v) -> s.append(String.format(Locale.ROOT, "%n  %-20s %.1f%%", c.id(), 100 * v)));
        return s.toString();
    }
}
