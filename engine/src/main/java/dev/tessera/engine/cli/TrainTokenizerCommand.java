package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.train.TokenizerPreset;
import dev.tessera.engine.train.TokenizerRun;
import dev.tessera.engine.train.TokenizerRunResult;
import dev.tessera.engine.train.TokenizerTraining;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.train.TrainingStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Trains a tokenizer preset on generated scenes (or, for {@code photo-64}, crops of photographs),
 * evaluates it on held-out images of the same kind, saves a checkpoint.
 */
@Command(name = "train-tokenizer", mixinStandardHelpOptions = true,
        description = "Train a tokenizer on synthetic scenes (photo-64: on crops of photographs) and save a checkpoint folder.")
final class TrainTokenizerCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "vq-shapes64",
            description = "vq-shapes64, rvq-shapes64 (4-level residual), fsq-shapes64 (FSQ 8x6x5), vq-shapes32, fsq-shapes32, "
                    + "rvq2-shapes32 / rvq4-shapes32 (2- and 4-level residual, 8x8 positions), "
                    + "setok-shapes64 (dynamic cluster tokens), photo-64 (photographs: FSQ 8x8x8x5x5x5) or tiny")
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
        LogEvery.check(logEvery);
        TokenizerTrainingConfig recipe = p.recipe();
        if (steps != null) {
            recipe = recipe.withSteps(steps);
        }
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        TokenizerRun run = new TokenizerRun(p, recipe, out, evalImages);
        String command = "TESSERA_THREADS=" + TesseraRuntime.settings().threads() + " ./tessera engine train-tokenizer --preset "
                + p.id() + " --steps " + recipe.steps() + " --seed " + recipe.seed() + " --out " + out;
        TokenizerRunResult result = TokenizerTraining.train(run, progress -> {
            if (progress.step() % logEvery == 0 || progress.step() == progress.totalSteps()) {
                System.out.println(progress);
            }
        }, new TrainingStop(), command);
        System.out.println("held-out: " + result.heldOut());
        System.out.println("saved " + out.toAbsolutePath());
        return 0;
    }
}
