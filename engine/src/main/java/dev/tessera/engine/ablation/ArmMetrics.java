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
 * @param judgedTextToImage   share of generated images the judge finds match their prompt (NaN when not measured)
 * @param textNll             held-out text target NLL
 * @param imageNll            held-out image target NLL
 * @param tokenizerPsnr       mean reconstruction PSNR (dB) of the model's image tokenizer
 * @param codebookUtilisation share of the codebook used on the held-out images
 * @param codebookPerplexity  effective number of codes used
 */
public record ArmMetrics(double exactCaptions, double attributeAccuracy, double answerAccuracy, double judgedTextToImage,
                         double textNll, double imageNll, double tokenizerPsnr, double codebookUtilisation,
                         double codebookPerplexity) {

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
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * How much held-out data a measurement uses.
     *
     * @param scenes  held-out scenes captioned and questioned, and reconstructed by the tokenizer
     * @param samples images per single-object prompt for the judged text-to-image score (0 = skip)
     */
    public record Budget(int scenes, int samples) {

        public Budget {
            dev.tessera.engine.data.EvaluationSet.checkCount(scenes);
            if (samples != 0) {
                UnifiedModel.checkImageCount(samples);
            }
        }

        /** What the full ablations use: 256 scenes, 8 images per prompt (168 images). */
        public static Budget full() {
            return new Budget(256, 8);
        }

        /** A notebook rerun: 64 scenes, 2 images per prompt. */
        public static Budget quick() {
            return new Budget(64, 2);
        }
    }

    /** Measures {@code model} within {@code budget}. */
    public static ArmMetrics measure(UnifiedModel model, Budget budget) {
        UnifiedReport report = UnifiedEvaluation.evaluate(model, budget.scenes());
        double judged = Double.NaN;
        if (budget.samples() > 0) {
            try (SceneJudge judge = JudgeCheckpoint.pretrained(JudgeCheckpoint.DEFAULT)) {
                GenerationReport g = GenerationEvaluation.evaluate(model, judge, budget.samples(), SamplingConfig.images(0));
                judged = g.judgedCorrect();
            }
        }
        List<Scene> heldOut = new SceneGenerator(model.scenes(SceneConfig.HELD_OUT_SEED)).scenes(0, budget.scenes());
        ReconstructionReport rec = TokenizerEvaluation.evaluate(model.imageTokenizer(), heldOut.stream().map(Scene::image).toList());
        return new ArmMetrics(report.exactCaptions(), report.attributeAccuracy(), report.answerAccuracy(), judged,
                report.textNll(), report.imageNll(), rec.meanPsnr(), rec.utilization(), rec.perplexity(0));
    }
}
