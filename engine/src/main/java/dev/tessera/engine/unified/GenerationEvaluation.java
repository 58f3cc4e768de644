package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.prompt.PromptCategory;
import dev.tessera.engine.prompt.ScenePrompt;
import dev.tessera.engine.prompt.ScenePrompts;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores text-to-image as GenEval does (Ghosh et al., 2023), with the per-object
 * {@link SceneJudge} in place of GenEval's object detector: for each {@link PromptCategory},
 * prompts of the scene grammar ({@link ScenePrompts}) each get several images, an image is
 * right only when the judge sees everything its prompt asks (those objects and no others,
 * colours on the right shapes, the relation), and the overall score is the unweighted mean
 * over categories. The same judgement of real held-out scenes that show each prompt, as drawn
 * and through the model's tokenizer, is the ceiling reported beside every score, and the share
 * of real near misses ({@link ScenePrompts#nearMiss}) the judge passes says how far a score can
 * sit above the truth. The judge is
 * trained on drawn scenes only and never trains the generator. Every model is asked the same
 * prompts, words it never trained on included (a model trained on captions alone has not seen
 * "of", "above" or "below"), so the position score also says what a model makes of them.
 */
public final class GenerationEvaluation {

    /** Scene indices reserved for each prompt's real scenes and near misses (position prompts skip layouts). */
    private static final long SCENES_PER_PROMPT = 100_000;
    /**
     * Counting prompts go up to four objects for every model, whatever it trained on, so that
     * models are compared on the same prompts.
     */
    static final int MAX_OBJECTS = 4;

    private GenerationEvaluation() {
    }

    /** The report, with the first image of each category's first prompt (to look at). */
    record Scored(GenerationReport report, List<ModelEvaluation.GeneratedSample> samples) {
    }

    /** Draws and judges {@code config}'s prompts and images; {@code sampling}'s seed fixes the images. */
    public static GenerationReport evaluate(UnifiedModel model, SceneJudge judge, GenerationEvaluationConfig config,
                                            SamplingConfig sampling) {
        return score(model, judge, config, sampling).report();
    }

    static Scored score(UnifiedModel model, SceneJudge judge, GenerationEvaluationConfig config, SamplingConfig sampling) {
        if (judge.imageSize() != model.imageSize()) {
            throw new IllegalArgumentException("the judge reads " + judge.imageSize() + "px images but the model draws "
                    + model.imageSize() + "px ones; use a judge of " + model.imageSize() + "px scenes");
        }
        SceneGenerator real = new SceneGenerator(new SceneConfig(model.imageSize(), 1, 4, SceneConfig.HELD_OUT_SEED));
        List<CategoryScore> categories = new ArrayList<>();
        List<ModelEvaluation.GeneratedSample> kept = new ArrayList<>();
        Map<String, int[]> byPrompt = new LinkedHashMap<>();
        double millis = 0;
        int images = 0;
        long p = 0;
        int n = config.samplesPerPrompt();
        for (PromptCategory category : PromptCategory.values()) {
            int right = 0;
            int objects = 0;
            int realRight = 0;
            int tokenizedRight = 0;
            int falsePasses = 0;
            double diversity = 0;
            List<Double> shares = new ArrayList<>();
            for (ScenePrompt prompt : ScenePrompts.sample(category, config.promptsPerCategory(), MAX_OBJECTS,
                    config.promptSeed())) {
                // every model gets the same prompts, words it never trained on included
                Generation g = model.generate(prompt.text(), n, sampling.withSeed(sampling.seed() + 1000L * p), false);
                millis += g.millisPerImage() * n;
                List<JudgeVerdict> verdicts = judge.judge(g.images());
                int ok = (int) verdicts.stream().filter(prompt::satisfiedBy).count();
                objects += (int) verdicts.stream().filter(prompt::objectsRight).count();
                if (kept.size() == category.ordinal()) {
                    kept.add(new ModelEvaluation.GeneratedSample(prompt.text(), g.images().get(0),
                            prompt.satisfiedBy(verdicts.get(0)), verdicts.get(0).caption()));
                }
                int[] tally = byPrompt.computeIfAbsent(prompt.text(), k -> new int[2]);
                tally[0] += ok;
                tally[1] += n;
                right += ok;
                shares.add(ok / (double) n);
                diversity += new HashSet<TokenGrid>(g.grids()).size() / (double) n;
                List<RgbImage> truth = ScenePrompts.realScenes(prompt, real, p * SCENES_PER_PROMPT, n).stream()
                        .map(Scene::image).toList();
                realRight += (int) judge.judge(truth).stream().filter(prompt::satisfiedBy).count();
                tokenizedRight += (int) judge.judge(model.imageTokenizer().decode(model.imageTokenizer().encode(truth)))
                        .stream().filter(prompt::satisfiedBy).count();
                List<RgbImage> misses = ScenePrompts.realScenes(ScenePrompts.nearMiss(prompt), real,
                        p * SCENES_PER_PROMPT + SCENES_PER_PROMPT / 2, n).stream().map(Scene::image).toList();
                falsePasses += (int) judge.judge(misses).stream().filter(prompt::satisfiedBy).count();
                p++;
            }
            int total = shares.size() * n;
            categories.add(new CategoryScore(category, shares.size(), total, right / (double) total,
                    standardError(shares), objects / (double) total, n < 2 ? Double.NaN : diversity / shares.size(),
                    realRight / (double) total, tokenizedRight / (double) total, falsePasses / (double) total));
            images += total;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        byPrompt.forEach((text, t) -> shares.put(text, t[0] / (double) t[1]));
        GenerationReport report = new GenerationReport(categories, images, mean(categories, CategoryScore::accuracy),
                mean(categories, CategoryScore::judgeOnReal), mean(categories, CategoryScore::judgeOnTokenized),
                mean(categories, CategoryScore::judgeFalsePass), shares, millis / images, sampling.cfgScale(), judge.name());
        return new Scored(report, kept);
    }

    /** Standard error of the mean of {@code shares} (sample standard deviation over the square root of their number). */
    static double standardError(List<Double> shares) {
        int k = shares.size();
        if (k < 2) {
            return Double.NaN;
        }
        double mean = shares.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = shares.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (k - 1) / k);
    }

    private static double mean(List<CategoryScore> scores, java.util.function.ToDoubleFunction<CategoryScore> f) {
        return scores.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
