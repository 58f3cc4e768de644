package dev.tessera.engine.cli;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.eval.ReconstructionReport;
import dev.tessera.engine.eval.TokenizerEvaluation;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TokenizerTrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains a VQ tokenizer on generated scenes, evaluates it on held-out scenes, saves a checkpoint. */
@Command(name = "train-tokenizer", mixinStandardHelpOptions = true,
        description = "Train a VQ tokenizer on synthetic scenes and save a checkpoint folder.")
final class TrainTokenizerCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "shapes64", description = "shapes64 or tiny (architecture and recipe)")
    String preset;

    @Option(names = "--steps", description = "override the preset's step count")
    Integer steps;

    @Option(names = "--seed", description = "override the preset's seed")
    Long seed;

    @Option(names = "--out", required = true, description = "checkpoint folder to write")
    Path out;

    @Option(names = "--name", description = "checkpoint name (default: vq-<preset>)")
    String name;

    @Option(names = "--eval-images", defaultValue = "512", description = "held-out scenes to evaluate on")
    int evalImages;

    @Option(names = "--log-every", defaultValue = "25", description = "print progress every N steps")
    int logEvery;

    @Override
    public Integer call() {
        TokenizerConfig arch;
        TokenizerTrainingConfig recipe;
        switch (preset) {
            case "shapes64" -> {
                arch = TokenizerConfig.shapes64();
                recipe = TokenizerTrainingConfig.shapes64();
            }
            case "tiny" -> {
                arch = TokenizerConfig.tiny();
                recipe = TokenizerTrainingConfig.smoke();
            }
            default -> throw new IllegalArgumentException("unknown preset '" + preset + "': use shapes64 or tiny");
        }
        if (steps != null) {
            recipe = recipe.withSteps(steps);
        }
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        String checkpointName = name != null ? name : "vq-" + preset;
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "./tessera engine train-tokenizer --preset " + preset + " --steps " + recipe.steps()
                + " --seed " + recipe.seed() + " --out " + out + " --name " + checkpointName);
        provenance.put("startedAt", Instant.now().toString());
        SceneConfig scenes = SceneConfig.scenes64(recipe.seed()).withSize(arch.imageSize());
        try (GridTokenizer tokenizer = GridTokenizer.create(checkpointName, arch, recipe.seed())) {
            TokenizerTrainingResult result = new TokenizerTrainer(tokenizer, recipe, scenes)
                    .listener(p -> {
                        if (p.step() % logEvery == 0 || p.step() == p.totalSteps()) {
                            System.out.println(p);
                        }
                    })
                    .checkpointTo(out, provenance)
                    .run();
            SceneGenerator heldOut = new SceneGenerator(SceneConfig.heldOut64().withSize(scenes.size()));
            ReconstructionReport report = TokenizerEvaluation.evaluate(tokenizer,
                    heldOut.scenes(0, evalImages).stream().map(Scene::image).toList());
            System.out.println("held-out: " + report);
            provenance.put("seconds", result.seconds());
            provenance.put("heldOut", report);
            provenance.put("utilization", report.utilization());
            provenance.put("stepsDone", result.stepsDone());
            provenance.put("interrupted", result.interrupted());
            provenance.put("training", recipe);
            provenance.put("scenes", scenes);
            TokenizerCheckpoint.save(tokenizer, out, provenance);
            System.out.println("saved " + out.toAbsolutePath());
        }
        return 0;
    }
}
