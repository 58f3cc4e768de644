package dev.tessera.engine.semantic;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.image.ImageTensors;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.train.GradientClipping;
import dev.tessera.engine.train.Schedules;
import dev.tessera.engine.train.TrainingControls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a {@link SemanticEncoder} without captions or questions: each step draws {@code batchSize}
 * generated scenes, two {@link SemanticViews} of each, and minimises the dense plus pooled
 * {@link ContrastiveLoss} of their projections. The encoder reads images only, and no caption or
 * question is read anywhere (the views read each scene's object list, but only to redraw it moved,
 * or with one object's shape swapped), so a model captioning over the tokens built on these
 * features cannot have been handed the answers. A step's scenes, views and sampled positions depend only on the
 * seed and the step, so a run stopped and started again sees the same data.
 */
public final class SemanticTrainer extends TrainingControls<SemanticTrainer> {

    /** Progress part: the dense (per-position) InfoNCE loss. */
    public static final String DENSE = "dense";
    /** Progress part: the pooled (per-scene) InfoNCE loss. */
    public static final String POOLED = "pooled";

    private final SemanticEncoder encoder;
    private final SemanticTrainingConfig config;
    private final SceneGenerator scenes;

    public SemanticTrainer(SemanticEncoder encoder, SemanticTrainingConfig config) {
        int cells = encoder.config().gridSize() * encoder.config().gridSize();
        if (config.positions() > cells) {
            throw new IllegalArgumentException("the dense loss samples " + config.positions() + " positions per scene but "
                    + "the encoder has " + cells + "; use at most " + cells);
        }
        this.encoder = encoder;
        this.config = config;
        this.scenes = new SceneGenerator(SceneConfig.scenes32(config.seed()).withSize(encoder.config().imageSize()));
    }

    /**
     * The views of scenes {@code first .. first+count-1}: view one of each, then view two of each,
     * then (with hard negatives) the reshaped view of each.
     */
    List<RgbImage> views(long first, int count) {
        List<RgbImage> one = new ArrayList<>(count);
        List<RgbImage> two = new ArrayList<>(count);
        List<RgbImage> hard = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Scene s = scenes.scene(first + i);
            SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + first + i);
            one.add(config.views().view(scenes, s, rng));
            two.add(config.views().view(scenes, s, rng));
            if (config.hardNegatives()) {
                hard.add(config.views().reshaped(scenes, s, rng));
            }
        }
        one.addAll(two);
        one.addAll(hard);
        return one;
    }

    /** Runs the training; stops at a step boundary on request or interrupt, writing its checkpoint when given a folder. */
    public SemanticTrainingResult run() {
        List<Double> losses = new ArrayList<>();
        int cells = encoder.config().gridSize() * encoder.config().gridSize();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adamW().optLearningRateTracker(Schedules.warmupCosine(config.learningRate(),
                        config.steps(), config.warmupSteps())).optWeightDecays(0f).build())
                .optDevices(new Device[] {TesseraRuntime.device()});
        Run run;
        try (Trainer trainer = encoder.model().newTrainer(tc)) {
            run = runSteps(0, config.steps(), config.checkpointEvery(), step -> {
                int n = config.batchSize();
                try (NDManager m = TesseraRuntime.newManager()) {
                    NDArray x = ImageTensors.toTensor(views((long) step * n, n), m);
                    long[] positions = positions(step, cells);
                    NDArray[] parts;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray projections = trainer.forward(new NDList(x)).get(1);
                        parts = ContrastiveLoss.of(projections.get("0:" + n), projections.get(n + ":" + 2 * n),
                                config.hardNegatives() ? projections.get(2 * n + ":") : null, positions,
                                (float) config.temperature());
                        NDArray loss = parts[0].add(parts[1]);
                        if (!Float.isFinite(loss.getFloat())) {
                            throw diverged(step + 1, config.learningRate(), config.maxGradNorm());
                        }
                        gc.backward(loss);
                    }
                    var params = encoder.model().getBlock().getParameters();
                    if (!Double.isFinite(GradientClipping.clipGlobalNorm(params, config.maxGradNorm()))) {
                        List<String> offenders = GradientClipping.nonFinite(params);
                        GradientClipping.zeroGradients(params);
                        nonFiniteGradient(step + 1, true, offenders, config.learningRate(), config.maxGradNorm());
                        return null;
                    }
                    trainer.step();
                    double dense = parts[0].getFloat();
                    double pooled = parts[1].getFloat();
                    losses.add(dense + pooled);
                    Map<String, Double> report = new LinkedHashMap<>();
                    report.put(DENSE, dense);
                    report.put(POOLED, pooled);
                    return new StepReport(dense + pooled, report, 0);
                }
            }, () -> { }, this::save);
        }
        return new SemanticTrainingResult(run.steps(), run.interrupted(), run.seconds(), losses, skippedSteps());
    }

    /** The grid positions step {@code step} samples for the dense loss: distinct, from the seed and the step alone. */
    long[] positions(int step, int cells) {
        SplittableRandom rng = new SplittableRandom(config.seed() * 31 + step);
        int[] all = new int[cells];
        for (int i = 0; i < cells; i++) {
            all[i] = i;
        }
        long[] out = new long[config.positions()];
        for (int i = 0; i < out.length; i++) {
            int j = i + rng.nextInt(cells - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
            out[i] = all[i];
        }
        return out;
    }

    private void save(int stepsDone, boolean interrupted) {
        saveCheckpoint(stepsDone, interrupted, Map.of("training", config),
                p -> SemanticCheckpoint.save(encoder, checkpointFolder(), p));
    }
}
