package dev.tessera.engine.judge;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.PairList;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.train.GradientClipping;
import dev.tessera.engine.train.Schedules;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.TrainingControls;
import dev.tessera.engine.train.TrainingStop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a {@link SceneJudge} on an endless stream of generated scenes of 1..4 objects, each
 * seen once (a fraction of them blurred and noised, {@link Degradation}): per-cell presence,
 * colour, shape and centre losses ({@link JudgeLoss}), AdamW with warm-up and
 * cosine decay, global-norm clipping, one NDManager per step. The same loop as the tokenizer
 * trainer: it stops at a step boundary on {@link TrainingStop#request()} or thread interrupt,
 * never applies a non-finite gradient ({@link TrainingControls#nonFiniteGradient}), and always
 * writes its checkpoint (when given a folder) before returning.
 */
public final class JudgeTrainer extends TrainingControls<JudgeTrainer> {

    private final SceneJudge judge;
    private final JudgeTrainingConfig config;
    private final SceneConfig scenes;

    /** Trains on scenes of the judge's size drawn with the training seed. */
    public JudgeTrainer(SceneJudge judge, JudgeTrainingConfig config) {
        this.judge = judge;
        this.config = config;
        this.scenes = new SceneConfig(judge.imageSize(), 1, 4, config.seed());
    }

    /** The scenes it trains on. */
    public SceneConfig scenes() {
        return scenes;
    }

    /** Runs the training; see the class comment for stopping. */
    public JudgeTrainingResult run() {
        SceneGenerator generator = new SceneGenerator(scenes);
        PairList<String, Parameter> params = judge.model().getBlock().getParameters();
        List<Double> losses = new ArrayList<>();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adamW().optWeightDecays(0f)
                        .optLearningRateTracker(Schedules.warmupCosine(config.learningRate(), config.steps(),
                                config.warmupSteps())).build())
                .optDevices(new Device[] {TesseraRuntime.device()});
        Run run;
        try (Trainer trainer = judge.model().newTrainer(tc)) {
            run = runSteps(0, config.steps(), config.checkpointEvery(), step -> {
                try (NDManager m = TesseraRuntime.newManager()) {
                    List<Scene> batch = generator.scenes((long) step * config.batchSize(), config.batchSize());
                    NDArray x = judge.inputs(images(batch, step), m);
                    NDArray y = JudgeHeads.targets(batch, scenes.size(), judge.config().gridSize(), m);
                    JudgeLoss.Parts loss;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(x));
                        loss = JudgeLoss.of(out.singletonOrThrow(), y);
                        if (!Float.isFinite(loss.total().getFloat())) {
                            throw diverged(step + 1, config.learningRate(), config.maxGradNorm());
                        }
                        gc.backward(loss.total());
                    }
                    double norm = GradientClipping.clipGlobalNorm(params, config.maxGradNorm());
                    if (!Double.isFinite(norm)) {
                        // a non-finite gradient would poison every weight: never apply it
                        List<String> offenders = GradientClipping.nonFinite(params);
                        GradientClipping.zeroGradients(params);
                        nonFiniteGradient(step + 1, true, offenders, config.learningRate(), config.maxGradNorm());
                        return null;
                    }
                    trainer.step();
                    double total = loss.total().getFloat();
                    losses.add(total);
                    Map<String, Double> parts = new LinkedHashMap<>();  // a fixed order: Map.of's changes between JVMs
                    parts.put("objects", (double) loss.objects().getFloat());
                    parts.put("colours", (double) loss.colours().getFloat());
                    parts.put("shapes", (double) loss.shapes().getFloat());
                    parts.put("centres", (double) loss.centres().getFloat());
                    return new StepReport(total, parts, 0);
                }
            }, () -> { }, this::save);
        }
        return new JudgeTrainingResult(run.steps(), run.interrupted(), run.seconds(), losses, skippedSteps());
    }

    /** The batch's images, a {@code degraded} fraction of them blurred and noised; fixed by seed and step. */
    private List<RgbImage> images(List<Scene> batch, int step) {
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L ^ step);
        List<RgbImage> out = new ArrayList<>(batch.size());
        for (Scene s : batch) {
            out.add(rng.nextDouble() < config.degraded() ? Degradation.random(s.image(), rng) : s.image());
        }
        return out;
    }


    private void save(int stepsDone, boolean interrupted) {
        saveCheckpoint(stepsDone, interrupted, Map.of("training", config, "scenes", scenes),
                p -> JudgeCheckpoint.save(judge, checkpointFolder(), p));
    }
}
