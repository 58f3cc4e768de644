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
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
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
 * Trains a {@link GridTokenizer} with any quantizer variant on an endless stream of generated
 * scenes: reconstruction MSE plus the quantizer's own loss, AdamW with warm-up and cosine
 * decay, and the quantizer's non-gradient learning after each step (EMA codebook updates,
 * k-means initialisation on the first batch, periodic dead-code restarts). Each step uses its own NDManager, so memory stays flat.
 *
 * <p>Stops at a step boundary on {@link TrainingStop#request()} or thread interrupt, and
 * always writes its checkpoint (when given a folder) before returning.
 */
public final class TokenizerTrainer extends TrainingControls<TokenizerTrainer> {

    private final TrainableTokenizer<?> tokenizer;
    private final TokenizerTrainingConfig config;
    private final SceneConfig scenes;

    /** Trains on scenes drawn with {@code scenes}' size and object counts, seeded by the training seed. */
    public TokenizerTrainer(TrainableTokenizer<?> tokenizer, TokenizerTrainingConfig config, SceneConfig scenes) {
        if (scenes.size() != tokenizer.imageSize()) {
            throw new IllegalArgumentException("tokenizer takes " + tokenizer.imageSize() + "px images but the scenes are "
                    + scenes.size() + "px; use SceneConfig.withSize(" + tokenizer.imageSize() + ")");
        }
        this.tokenizer = tokenizer;
        this.config = config;
        this.scenes = new SceneConfig(scenes.size(), scenes.minObjects(), scenes.maxObjects(), config.seed());
    }




    /** Runs the training; see the class comment for stopping. */
    public TokenizerTrainingResult run() {
        SceneGenerator generator = new SceneGenerator(scenes);
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
                    List<Scene> batch = generator.scenes((long) step * config.batchSize(), config.batchSize());
                    NDArray x = ImageTensors.toTensor(batch.stream().map(Scene::image).toList(), m);
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
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(x));
                        q = QuantizeResult.fromList(out, 1);
                        rec = out.get(0).sub(x).square().mean();
                        NDArray loss = rec.add(q.loss());
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
                    parts.put("reconstruction", r);
                    parts.put("quantizer", c);
                    return new StepReport(r + c, parts, 0);
                }
            }, () -> {
                if (config.quantizerWarmupSteps() > 0) {
                    tokenizer.quantizing(true);
                }
            }, this::save);
        }
        return new TokenizerTrainingResult(run.steps(), run.interrupted(), run.seconds(), losses, restarted[0], skippedSteps());
    }

    private void save(int stepsDone, boolean interrupted) {
        saveCheckpoint(stepsDone, interrupted, Map.of("training", config, "scenes", scenes),
                p -> TokenizerCheckpoint.save(tokenizer, checkpointFolder(), p));
    }

    private Tracker schedule() {
        return Schedules.warmupCosine(config.learningRate(), config.steps(), config.warmupSteps());
    }
}
