package dev.tessera.engine.ablation;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.eval.ReconstructionReport;
import dev.tessera.engine.eval.TokenizerEvaluation;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.unified.GenerationEvaluation;
import dev.tessera.engine.unified.GenerationEvaluationConfig;
import dev.tessera.engine.unified.GenerationReport;
import dev.tessera.engine.unified.UnifiedEvaluation;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What one trained run of an ablation scores, all on held-out data: caption and answer accuracy
 * (held-out scenes, greedy), judged text-to-image accuracy (the shipped judge over sampled
 * images), the held-out text and image NLL, and its image tokenizer's reconstruction PSNR and
 * codebook use (the tokenizer may have learned with the model).
 *
 * @param exactCaptions       captions exactly right
 * @param attributeAccuracy   count, colour and shape read right, averaged
 * @param answerAccuracy      answers exactly right
 * @param judgedTextToImage   GenEval-style overall score of text-to-image: the per-category share of generated
 *                            images the judge finds right for their prompt, averaged over categories (NaN when not
 *                            measured). Ablation results recorded before the per-object judge (December 2026) hold
 *                            the older single-object score here.
 * @param textNll             held-out text target NLL
 * @param imageNll            held-out image target NLL
 * @param tokenizerPsnr       mean reconstruction PSNR (dB) of the model's image tokenizer
 * @param codebookUtilisation share of the codebook used on the held-out images
 * @param codebookPerplexity  effective number of codes used
 * @param textToImageByCategory the GenEval-style score per prompt category (by {@code PromptCategory.id()});
 *                            empty when text-to-image was not measured, and in results recorded before it existed
 * @param imageIds            mean ids an image takes in a sequence, from {@code <boi>} to {@code <eoi>} inclusive
 *                            (a SeTok span's centre ids too), over the held-out scenes; NaN in results recorded
 *                            before it was (December 2026), which a 0 read from such a file becomes
 * @param maxImageIds         the most ids one held-out image took, counted the same way (NaN likewise)
 * @param captionParts        share of captions with each part right: {@code count}, {@code colours},
 *                            {@code shapes}; empty in results recorded before it was (December 2026)
 * @param answerByTemplate    answer accuracy per question template ({@code SceneQuestions}); empty likewise
 */
public record ArmMetrics(double exactCaptions, double attributeAccuracy, double answerAccuracy, double judgedTextToImage,
                         double textNll, double imageNll, double tokenizerPsnr, double codebookUtilisation,
                         double codebookPerplexity, Map<String, Double> textToImageByCategory, double imageIds,
                         double maxImageIds, Map<String, Double> captionParts, Map<String, Double> answerByTemplate) {

    public ArmMetrics {
        textToImageByCategory = copy(textToImageByCategory);
        captionParts = copy(captionParts);
        answerByTemplate = copy(answerByTemplate);
        // an image takes at least <boi> and <eoi>: 0 is a field missing from an older results file
        imageIds = imageIds == 0 ? Double.NaN : imageIds;
        maxImageIds = maxImageIds == 0 ? Double.NaN : maxImageIds;
    }

    /** Count, colours and shapes read right, in that order. */
    private static Map<String, Double> captionParts(UnifiedReport report) {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("count", report.countAccuracy());
        parts.put("colours", report.colourAccuracy());
        parts.put("shapes", report.shapeAccuracy());
        return parts;
    }

    private static Map<String, Double> copy(Map<String, Double> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The metrics without the caption parts and answers per template (results recorded before them). */
    public ArmMetrics(double exactCaptions, double attributeAccuracy, double answerAccuracy, double judgedTextToImage,
                      double textNll, double imageNll, double tokenizerPsnr, double codebookUtilisation,
                      double codebookPerplexity, Map<String, Double> textToImageByCategory, double imageIds,
                      double maxImageIds) {
        this(exactCaptions, attributeAccuracy, answerAccuracy, judgedTextToImage, textNll, imageNll, tokenizerPsnr,
                codebookUtilisation, codebookPerplexity, textToImageByCategory, imageIds, maxImageIds, Map.of(), Map.of());
    }

    /** The metrics without image id counts (results recorded before them). */
    public ArmMetrics(double exactCaptions, double attributeAccuracy, double answerAccuracy, double judgedTextToImage,
                      double textNll, double imageNll, double tokenizerPsnr, double codebookUtilisation,
                      double codebookPerplexity, Map<String, Double> textToImageByCategory) {
        this(exactCaptions, attributeAccuracy, answerAccuracy, judgedTextToImage, textNll, imageNll, tokenizerPsnr,
                codebookUtilisation, codebookPerplexity, textToImageByCategory, Double.NaN, Double.NaN);
    }

    /** The metrics without a per-category text-to-image breakdown. */
    public ArmMetrics(double exactCaptions, double attributeAccuracy, double answerAccuracy, double judgedTextToImage,
                      double textNll, double imageNll, double tokenizerPsnr, double codebookUtilisation,
                      double codebookPerplexity) {
        this(exactCaptions, attributeAccuracy, answerAccuracy, judgedTextToImage, textNll, imageNll, tokenizerPsnr,
                codebookUtilisation, codebookPerplexity, Map.of());
    }

    /**
     * The metrics by name, with whether higher is better: the order tables and charts use.
     */
    public static final Map<String, Metric> METRICS = metrics();

    /**
     * One metric: how to read it from a run, and its direction.
     *
     * @param read         the value of a run
     * @param higherBetter whether a higher value is better
     */
    public record Metric(ToDoubleFunction<ArmMetrics> read, boolean higherBetter) {
    }

    private static Map<String, Metric> metrics() {
        Map<String, Metric> m = new LinkedHashMap<>();
        m.put("exactCaptions", new Metric(ArmMetrics::exactCaptions, true));
        m.put("attributeAccuracy", new Metric(ArmMetrics::attributeAccuracy, true));
        m.put("answerAccuracy", new Metric(ArmMetrics::answerAccuracy, true));
        m.put("judgedTextToImage", new Metric(ArmMetrics::judgedTextToImage, true));
        m.put("textNll", new Metric(ArmMetrics::textNll, false));
        m.put("imageNll", new Metric(ArmMetrics::imageNll, false));
        m.put("tokenizerPsnr", new Metric(ArmMetrics::tokenizerPsnr, true));
        m.put("codebookUtilisation", new Metric(ArmMetrics::codebookUtilisation, true));
        m.put("codebookPerplexity", new Metric(ArmMetrics::codebookPerplexity, true));
        m.put("imageIds", new Metric(ArmMetrics::imageIds, false));
        m.put("maxImageIds", new Metric(ArmMetrics::maxImageIds, false));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * How much held-out data a measurement uses.
     *
     * @param scenes  held-out scenes captioned and questioned, and reconstructed by the tokenizer
     * @param samples images per prompt for the judged text-to-image score (0 = skip)
     * @param prompts prompts per GenEval category for that score (1..256); 0 in results recorded
     *                before the categories (December 2026), scored on the 21 single-object prompts
     */
    public record Budget(int scenes, int samples, int prompts) {

        public Budget {
            dev.tessera.engine.data.EvaluationSet.checkCount(scenes);
            if (samples != 0) {
                UnifiedModel.checkImageCount(samples);
            }
            if (prompts < 0 || prompts > 256) {
                throw new IllegalArgumentException("prompts per category must be 1..256, got " + prompts);
            }
        }

        /** {@code samples} images for each of 16 prompts per category. */
        public Budget(int scenes, int samples) {
            this(scenes, samples, 16);
        }

        /** What the full ablations use: 256 scenes, 16 prompts x 8 images per category (768 images). */
        public static Budget full() {
            return new Budget(256, 8, 16);
        }

        /** A notebook rerun: 64 scenes, 4 prompts x 2 images per category (48 images). */
        public static Budget quick() {
            return new Budget(64, 2, 4);
        }
    }

    /** The text-to-image evaluation of {@code budget}; a budget recorded before the categories cannot measure again. */
    static GenerationEvaluationConfig generation(Budget budget) {
        if (budget.prompts() == 0) {
            throw new IllegalArgumentException("this budget was recorded before text-to-image was judged by category; "
                    + "measure with prompts per category set, e.g. ArmMetrics.Budget.full()");
        }
        return GenerationEvaluationConfig.full().withSamples(budget.samples()).withPrompts(budget.prompts());
    }

    /**
     * Measures {@code model} within {@code budget}. A model that reads SeTok spans writes no image:
     * its text-to-image score and image NLL are NaN.
     */
    public static ArmMetrics measure(UnifiedModel model, Budget budget) {
        UnifiedReport report = UnifiedEvaluation.evaluate(model, budget.scenes());
        double judged = Double.NaN;
        Map<String, Double> byCategory = new LinkedHashMap<>();
        if (budget.samples() > 0 && !model.readsSpans()) {
            try (SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
                GenerationReport g = GenerationEvaluation.evaluate(model, judge,
                        generation(budget), SamplingConfig.images(0));
                judged = g.overall();
                g.categories().forEach(c -> byCategory.put(c.category().id(), c.accuracy()));
            }
        }
        List<Scene> heldOut = new SceneGenerator(model.scenes(SceneConfig.HELD_OUT_SEED)).scenes(0, budget.scenes());
        List<dev.tessera.engine.image.RgbImage> pictures = heldOut.stream().map(Scene::image).toList();
        ReconstructionReport rec = TokenizerEvaluation.evaluate(model.tokenizer(), pictures);
        int[] ids = model.encodeImages(pictures).stream().mapToInt(model::imageIds).toArray();
        return new ArmMetrics(report.exactCaptions(), report.attributeAccuracy(), report.answerAccuracy(), judged,
                report.textNll(), report.imageNll(), rec.meanPsnr(), rec.utilization(), rec.perplexity(0), byCategory,
                java.util.Arrays.stream(ids).average().orElseThrow(), java.util.Arrays.stream(ids).max().orElseThrow(),
                captionParts(report), report.answerByTemplate());
    }
}
