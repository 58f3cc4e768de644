package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores text-to-image with the independent {@link SceneJudge} (trained on real scenes only,
 * never used to train the generator): every single-object prompt "a COLOUR SHAPE" ("an orange square") gets
 * {@code samples} images (1..{@link UnifiedModel#MAX_IMAGES}), and an image counts as correct when the judge sees exactly that
 * colour and that shape. The judge's score on real held-out scenes of the same prompts, and on
 * their tokenizer reconstructions, is reported beside it as the ceiling a generator can reach
 * through this tokenizer.
 */
public final class GenerationEvaluation {

    private GenerationEvaluation() {
    }

    /** The report, with one judged image for each prompt on the diagonal of colours and shapes (to look at). */
    record Scored(GenerationReport report, List<ModelEvaluation.GeneratedSample> samples) {
    }

    public static GenerationReport evaluate(UnifiedModel model, SceneJudge judge, int samples, SamplingConfig sampling) {
        return score(model, judge, samples, sampling).report();
    }

    /**
     * {@link #evaluate}, keeping the first image drawn for "a red circle", "a green square", ...:
     * the prompts whose colour's place in {@link SceneColour} matches its shape's place in
     * {@link ShapeKind} (cyclically), so every colour shows once and every shape about equally.
     */
    static Scored score(UnifiedModel model, SceneJudge judge, int samples, SamplingConfig sampling) {
        UnifiedModel.checkImageCount(samples);
        if (judge.imageSize() != model.imageSize()) {
            throw new IllegalArgumentException("the judge reads " + judge.imageSize() + "px images but the model draws "
                    + model.imageSize() + "px ones");
        }
        Map<String, Double> byPrompt = new LinkedHashMap<>();
        List<ModelEvaluation.GeneratedSample> kept = new ArrayList<>();
        Map<String, List<RgbImage>> real = realScenes(model, samples);
        int correct = 0;
        int total = 0;
        int realOk = 0;
        int tokenizedOk = 0;
        int realTotal = 0;
        double millis = 0;
        int p = 0;
        for (SceneColour c : SceneColour.values()) {
            for (ShapeKind s : ShapeKind.values()) {
                String prompt = Scene.withArticle(c.word() + " " + s.word());
                Generation g = model.generate(prompt, samples, sampling.withSeed(sampling.seed() + 1000L * p++));
                millis += g.millisPerImage() * samples;
                List<JudgeVerdict> verdicts = judge.judge(g.images());
                int ok = count(verdicts, c, s);
                if (c.ordinal() % ShapeKind.values().length == s.ordinal()) {
                    kept.add(new ModelEvaluation.GeneratedSample(prompt, g.images().get(0),
                            count(verdicts.subList(0, 1), c, s) == 1));
                }
                byPrompt.put(prompt, ok / (double) samples);
                correct += ok;
                total += samples;
                List<RgbImage> truth = real.get(prompt);
                realOk += count(judge.judge(truth), c, s);
                tokenizedOk += count(judge.judge(model.imageTokenizer().decode(model.imageTokenizer().encode(truth))), c, s);
                realTotal += truth.size();
            }
        }
        return new Scored(new GenerationReport(byPrompt.size(), total, correct / (double) total, byPrompt,
                realOk / (double) realTotal, tokenizedOk / (double) realTotal, millis / total, sampling.cfgScale()), kept);
    }

    private static int count(List<JudgeVerdict> verdicts, SceneColour c, ShapeKind s) {
        return (int) verdicts.stream().filter(v -> v.matches(Set.of(c), Set.of(s))).count();
    }

    /** {@code n} held-out one-object scenes of every colour and shape. */
    private static Map<String, List<RgbImage>> realScenes(UnifiedModel model, int n) {
        SceneGenerator g = new SceneGenerator(new SceneConfig(model.imageSize(), 1, 1, SceneConfig.HELD_OUT_SEED));
        Map<String, List<RgbImage>> out = new LinkedHashMap<>();
        int need = SceneColour.values().length * ShapeKind.values().length;
        int full = 0;
        for (long i = 0; full < need && i < 200_000; i++) {
            Scene scene = g.scene(i);
            List<RgbImage> list = out.computeIfAbsent(scene.caption(), k -> new ArrayList<>());
            if (list.size() < n) {
                list.add(scene.image());
                if (list.size() == n) {
                    full++;
                }
            }
        }
        return out;
    }
}
