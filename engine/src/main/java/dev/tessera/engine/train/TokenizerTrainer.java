package dev.tessera.engine.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.TrainingImages;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.quantize.QuantizeResult;
import dev.tessera.engine.quantize.Quantizer;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TrainableTokenizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link GridTokenizer} with any quantizer variant on an endless stream of training
 * images ({@link TrainingImages}: generated scenes, or crops of photographs): reconstruction MSE plus the quantizer's own loss, AdamW with warm-up and cosine
 * decay, and the quantizer's non-gradient learning after each step (EMA codebook updates,
 * k-means initialisation on the first batch, periodic dead-code restarts). Each step uses its own NDManager, so memory stays flat.
 *
 * <p>Each step reports its losses ({@value #RECONSTRUCTION}: the mean squared error of the decoded
 * batch in [-1, 1] pixel units; {@value #QUANTIZER}: the quantizer's own loss, commitment for VQ, 0
 * for FSQ) and the codebook's health on that batch: {@value #CODES_USED}, the share of the codes
 * chosen at least once, and {@value #PERPLEXITY}, {@code exp} of the entropy of how often each was
 * chosen (the number of equally used codes that would give the same spread), both averaged over
 * the levels of a residual stack. A collapsing codebook shows as both falling.
 *
 * <p>Stops at a step boundary on {@link TrainingStop#request()} or thread interrupt, and
 * always writes its checkpoint (when given a folder) before returning.
 */
public final class TokenizerTrainer extends TrainingControls<TokenizerTrainer> {

    /** Progress part: reconstruction MSE of the step's batch. */
    public static final String RECONSTRUCTION = "reconstruction";
    /** Progress part: the quantizer's own loss on the step's batch. */
    public static final String QUANTIZER = "quantizer";
    /**
     * Progress part of a semantic tokenizer ({@link dev.tessera.engine.tokenize.TokenizerConfig#semantic()}):
     * 1 minus the mean cosine of the features decoded from the codes and the frozen encoder's, the
     * loss that trains its codes; its reconstruction trains only the pixel decoder.
     */
    public static final String FEATURES = "features";
    /** Progress part: share of the codebook chosen at least once in the step's batch, in [0, 1]. */
    public static final String CODES_USED = "codes used";
    /** Progress part: perplexity of the step's code usage, in [1, codebook size]. */
    public static final String PERPLEXITY = "perplexity";
    /** The codebook-health parts, which are not losses. */
    public static final java.util.Set<String> HEALTH = java.util.Set.of(CODES_USED, PERPLEXITY);

    private final TrainableTokenizer<?> tokenizer;
    private final TokenizerTrainingConfig config;
    private final TrainingImages images;

    /** Trains on scenes drawn with {@code scenes}' size and object counts, seeded by the training seed. */
    public TokenizerTrainer(TrainableTokenizer<?> tokenizer, TokenizerTrainingConfig config, SceneConfig scenes) {
        this(tokenizer, config, TrainingImages.scenes(scenes));
    }

    /** Trains on {@code images} (scenes, photo crops), drawn with the training seed. */
    public TokenizerTrainer(TrainableTokenizer<?> tokenizer, TokenizerTrainingConfig config, TrainingImages images) {
        if (images.size() != tokenizer.imageSize()) {
            throw new IllegalArgumentException("tokenizer takes " + tokenizer.imageSize() + "px images but the training "
                    + "images are " + images.size() + "px; use SceneConfig.withSize(" + tokenizer.imageSize()
                    + ") or crops of that size");
        }
        this.tokenizer = tokenizer;
        this.config = config;
        this.images = images.withSeed(config.seed());
    }




    /** Runs the training; see the class comment for stopping. */
    public TokenizerTrainingResult run() {
        Random rng = new Random(config.seed());
        List<Double> losses = new ArrayList<>();
        int[] restarted = {0};
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adamW().optLearningRateTracker(schedule()).optWeightDecays(0f).build())
                .optDevices(new Device[] {TesseraRuntime.device()});
        Run run;
        try (Trainer trainer = tokenizer.model().newTrainer(tc)) {
            run = runSteps(0, config.steps(), config.checkpointEvery(), step -> {
                try (NDManager m = TesseraRuntime.newManager()) {
                    NDArray x = ImageTensors.toTensor(images.images((long) step * config.batchSize(), config.batchSize()), m);
                    Quantizer quantizer = tokenizer.quantizer();
                    boolean quantizing = step >= config.quantizerWarmupSteps();
                    if (config.quantizerWarmupSteps() > 0) {
                        tokenizer.quantizing(quantizing);
                    }
                    if (step == config.quantizerWarmupSteps()) {
                        ParameterStore ps = new ParameterStore(m, false);
                        quantizer.initialiseFromData(ps, tokenizer.quantizerInputs(ps, x), rng);
                    }
                    QuantizeResult q;
                    NDArray rec;
                    NDArray features = null;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(x));
                        q = QuantizeResult.fromList(out, 1);
                        rec = out.get(0).sub(x).square().mean();
                        NDArray loss = rec.add(q.loss());
                        if (out.size() > FEATURE_OUTPUT) {
                            features = out.get(FEATURE_OUTPUT);
                            loss = loss.add(features);
                        }
                        if (!Float.isFinite(loss.getFloat())) {
                            throw diverged(step + 1, config.learningRate(), config.maxGradNorm());
                        }
                        gc.backward(loss);
                    }
                    double norm = GradientClipping.clipGlobalNorm(tokenizer.model().getBlock().getParameters(),
                            config.maxGradNorm());
                    if (!Double.isFinite(norm)) {
                        // a non-finite gradient would poison every weight: never apply it
                        var params = tokenizer.model().getBlock().getParameters();
                        List<String> offenders = GradientClipping.nonFinite(params);
                        GradientClipping.zeroGradients(params);
                        nonFiniteGradient(step + 1, true, offenders, config.learningRate(), config.maxGradNorm());
                        return null;
                    }
                    trainer.step();
                    boolean restart = config.restartEvery() > 0 && (step + 1) % config.restartEvery() == 0;
                    if (quantizing) {
                        restarted[0] += quantizer.afterStep(q, rng, restart);
                    }
                    double r = rec.getFloat();
                    double c = q.loss().getFloat();
                    losses.add(r);
                    Map<String, Double> parts = new LinkedHashMap<>();  // a fixed order: Map.of's changes between JVMs
                    parts.put(RECONSTRUCTION, r);
                    parts.put(QUANTIZER, c);
                    double f = features == null ? 0 : features.getFloat();
                    if (features != null) {
                        parts.put(FEATURES, f);
                    }
                    if (quantizing) {
                        double[] health = health(q.usage());
                        parts.put(CODES_USED, health[0]);
                        parts.put(PERPLEXITY, health[1]);
                    }
                    return new StepReport(r + c + f, parts, 0);
                }
            }, () -> {
                if (config.quantizerWarmupSteps() > 0) {
                    tokenizer.quantizing(true);
                }
            }, this::save);
        }
        return new TokenizerTrainingResult(run.steps(), run.interrupted(), run.seconds(), losses, restarted[0], skippedSteps());
    }

    /**
     * The share of codes used and the perplexity of {@code usage} (L, K), each averaged over the L
     * levels: {@link #CODES_USED} and {@link #PERPLEXITY} of one batch.
     */
    static double[] health(NDArray usage) {
        int levels = (int) usage.getShape().get(0);
        int k = (int) usage.getShape().get(1);
        float[] counts = usage.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        double used = 0;
        double perplexity = 0;
        for (int l = 0; l < levels; l++) {
            long[] level = new long[k];
            for (int i = 0; i < k; i++) {
                level[i] = Math.round(counts[l * k + i]);
            }
            used += java.util.Arrays.stream(level).filter(c -> c > 0).count() / (double) k;
            perplexity += dev.tessera.engine.quantize.Codebooks.perplexity(level);
        }
        return new double[] {used / levels, perplexity / levels};
    }

    /** Where a semantic tokenizer's block puts its feature loss: after the reconstruction and the quantizer's five arrays. */
    private static final int FEATURE_OUTPUT = 6;

    private void save(int stepsDone, boolean interrupted) {
        saveCheckpoint(stepsDone, interrupted, Map.of("training", config, images instanceof TrainingImages.SceneImages ? "scenes" : "images", images.describe()),
                p -> TokenizerCheckpoint.save(tokenizer, checkpointFolder(), p));
    }

    private Tracker schedule() {
        return Schedules.warmupCosine(config.learningRate(), config.steps(), config.warmupSteps());
    }
}
