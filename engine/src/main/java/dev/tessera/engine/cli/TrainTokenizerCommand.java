package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.eval.ReconstructionReport;
import dev.tessera.engine.eval.TokenizerEvaluation;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TokenizerTrainingResult;
import dev.tessera.engine.train.TrainingLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains a tokenizer preset on generated scenes, evaluates it on held-out scenes, saves a checkpoint. */
@Command(name = "train-tokenizer", mixinStandardHelpOptions = true,
        description = "Train a tokenizer on synthetic scenes and save a checkpoint folder.")
final class TrainTokenizerCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "vq-shapes64",
            description = "vq-shapes64, rvq-shapes64 (4-level residual), fsq-shapes64 (FSQ 8x6x5), vq-shapes32, fsq-shapes32, "
                    + "rvq2-shapes32 / rvq4-shapes32 (2- and 4-level residual, 8x8 positions), "
                    + "setok-shapes64 (dynamic cluster tokens) or tiny")
    String preset;

    @Option(names = "--steps", description = "override the preset's step count (1.." + TrainingLimits.MAX_STEPS + ")")
    Integer steps;

    @Option(names = "--seed", description = "override the preset's seed")
    Long seed;

    @Option(names = "--out", required = true, description = "checkpoint folder to write")
    Path out;

    @Option(names = "--eval-images", defaultValue = "512", description = "held-out scenes to evaluate on (1.." + EvaluationSet.MAX_IMAGES + ")")
    int evalImages;

    @Option(names = "--log-every", defaultValue = "25", description = "print progress every N steps")
    int logEvery;

    @Override
    public Integer call() {
        TokenizerPreset p = TokenizerPreset.parse(preset);
        EvaluationSet.checkCount(evalImages);
        LogEvery.check(logEvery);
        TokenizerTrainingConfig recipe = p.recipe();
        if (steps != null) {
            recipe = recipe.withSteps(steps);
        }
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        RuntimeSettings rt = TesseraRuntime.settings();
        provenance.put("command", "TESSERA_THREADS=" + rt.threads() + " ./tessera engine train-tokenizer --preset " + p.id()
                + " --steps " + recipe.steps() + " --seed " + recipe.seed() + " --out " + out);
        provenance.put("threads", rt.threads());
        provenance.put("device", TesseraRuntime.device().toString());
        provenance.put("startedAt", Instant.now().toString());
        try (TrainableTokenizer<?> tokenizer = p.create(recipe.seed())) {
            SceneConfig scenes = SceneConfig.scenes64(recipe.seed()).withSize(tokenizer.imageSize());
            TokenizerTrainingResult result = new TokenizerTrainer(tokenizer, recipe, scenes)
                    .listener(progress -> {
                        if (progress.step() % logEvery == 0 || progress.step() == progress.totalSteps()) {
                            System.out.println(progress);
                        }
                    })
                    .checkpointTo(out, provenance)
                    .run();
            ReconstructionReport report = TokenizerEvaluation.evaluate(tokenizer,
                    EvaluationSet.load(EvaluationSet.Source.SCENES, evalImages, tokenizer.imageSize()).images());
            System.out.println("held-out: " + report);
            provenance.put("seconds", result.seconds());
            provenance.put("heldOut", report);
            provenance.put("utilization", report.utilization());
            provenance.put("stepsDone", result.stepsDone());
            provenance.put("interrupted", result.interrupted());
            provenance.put("skippedSteps", result.skippedSteps());
            provenance.put("training", recipe);
            provenance.put("scenes", scenes);
            TokenizerCheckpoint.save(tokenizer, out, provenance);
            System.out.println("saved " + out.toAbsolutePath());
        }
        return 0;
    }
}
