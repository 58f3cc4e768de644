package dev.tessera.engine.cli;

import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.semantic.SemanticCheckpoint;
import dev.tessera.engine.semantic.SemanticEncoder;
import dev.tessera.engine.semantic.SemanticEncoderConfig;
import dev.tessera.engine.semantic.SemanticTrainer;
import dev.tessera.engine.semantic.SemanticTrainingConfig;
import dev.tessera.engine.semantic.SemanticTrainingResult;
import dev.tessera.engine.train.TrainingLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains ILLUME's semantic encoder without captions or questions and saves a checkpoint folder. */
@Command(name = "train-semantic-encoder", mixinStandardHelpOptions = true,
        description = "Train the semantic encoder (contrastive on two views of each generated scene, no caption or question read) "
                + "whose features a semantic tokenizer (sem-shapes32) learns to reconstruct; save a checkpoint folder.")
final class TrainSemanticEncoderCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "shapes32", description = "shapes32 (the shipped " + SemanticCheckpoint.SHAPES32
            + ") or tiny")
    String preset;

    @Option(names = "--steps", description = "override the preset's step count (1.." + TrainingLimits.MAX_STEPS + ")")
    Integer steps;

    @Option(names = "--seed", description = "override the preset's training seed (never the held-out seed)")
    Long seed;

    @Option(names = "--out", required = true, description = "checkpoint folder to write")
    Path out;

    @Option(names = "--log-every", defaultValue = "100", description = "print progress every N steps")
    int logEvery;

    @Override
    public Integer call() {
        LogEvery.check(logEvery);
        SemanticEncoderConfig config;
        SemanticTrainingConfig recipe;
        switch (preset) {
            case "shapes32" -> {
                config = SemanticEncoderConfig.shapes32();
                recipe = SemanticTrainingConfig.shapes32();
            }
            case "tiny" -> {
                config = SemanticEncoderConfig.tiny();
                recipe = SemanticTrainingConfig.smoke();
            }
            default -> throw new IllegalArgumentException("unknown preset '" + preset + "': use shapes32 or tiny");
        }
        if (steps != null) {
            TrainingLimits.checkStepsAndBatch(steps, recipe.batchSize());
            recipe = recipe.withSteps(steps);
        }
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        RuntimeSettings rt = TesseraRuntime.settings();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "TESSERA_THREADS=" + rt.threads() + " ./tessera engine train-semantic-encoder --preset "
                + preset + " --steps " + recipe.steps() + " --seed " + recipe.seed() + " --out " + out);
        provenance.put("seed", recipe.seed());
        provenance.put("threads", rt.threads());
        provenance.put("device", TesseraRuntime.device().toString());
        provenance.put("startedAt", Instant.now().toString());
        String name = "shapes32".equals(preset) ? SemanticCheckpoint.SHAPES32 : "semantic-tiny";
        try (SemanticEncoder encoder = SemanticEncoder.create(name, config, recipe.seed())) {
            System.out.println("semantic encoder " + config + ", training " + recipe);
            SemanticTrainingResult r = new SemanticTrainer(encoder, recipe)
                    .listener(p -> {
                        if (p.step() % logEvery == 0 || p.step() == p.totalSteps()) {
                            System.out.println(p);
                        }
                    })
                    .checkpointTo(out, provenance).run();
            provenance.put("seconds", r.seconds());
            provenance.put("stepsDone", r.stepsDone());
            provenance.put("interrupted", r.interrupted());
            provenance.put("lossFirst100", r.meanLossOfFirst(100));
            provenance.put("lossLast100", r.meanLossOfLast(100));
            provenance.put("training", recipe);
            SemanticCheckpoint.save(encoder, out, provenance);
            System.out.printf("loss %.4f (first 100 steps) -> %.4f (last 100), %.1f s; saved %s%n", r.meanLossOfFirst(100),
                    r.meanLossOfLast(100), r.seconds(), out.toAbsolutePath());
        }
        return 0;
    }
}
