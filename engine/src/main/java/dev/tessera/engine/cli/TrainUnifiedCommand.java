package dev.tessera.engine.cli;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;
import dev.tessera.engine.unified.UnifiedTrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains (or resumes) a unified text+image model on the scene tasks and saves a checkpoint folder. */
@Command(name = "train-unified", mixinStandardHelpOptions = true,
        description = "Train the unified model (captioning, text-to-image, question answering) on synthetic scenes.")
final class TrainUnifiedCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "small", description = "small (shipped CPU model), tiny, gpu, small-unicode "
            + "(UniCode's unified codebook over vq-shapes32), small-teal (TEAL's text-first model), small-stacked2 / small-stacked4 "
            + "(summed residual levels over rvq2/rvq4-shapes32), tiny-unicode, tiny-teal or tiny-stacked2 / tiny-stacked4")
    String preset;

    @Option(names = "--embedding", description = "unified-codebook (UniCode) or joint-embedding (TEAL); "
            + "default: the preset's (joint-embedding)")
    String embedding;

    @Option(names = "--freeze-text", description = "keep the text embedding rows fixed (TEAL)")
    boolean freezeText;

    @Option(names = "--steps", description = "override the recipe's step count (1.." + TrainingLimits.MAX_STEPS + ")")
    Integer steps;

    @Option(names = "--batch", description = "override the recipe's batch size (1.." + TrainingLimits.MAX_BATCH + ")")
    Integer batch;

    @Option(names = "--seed", description = "override the recipe's seed")
    Long seed;

    @Option(names = "--out", required = true, description = "checkpoint folder to write")
    Path out;

    @Option(names = "--resume", description = "continue the checkpoint in --out with its own settings")
    boolean resume;

    @Option(names = "--init", description = "start from the weights of this checkpoint folder (a new stage: fresh "
            + "optimizer and schedule, its own seed), instead of random weights")
    Path init;

    @Option(names = "--lr", description = "override the recipe's peak learning rate, in (0, 1]")
    Double lr;

    @Option(names = "--weighting", description = "how target tokens share the loss: token (every token the same, the "
            + "recipe's) or example (every sequence the same, however long its target)")
    String weighting;

    @Option(names = "--log-every", defaultValue = "25", description = "print progress every N steps")
    int logEvery;

    @Override
    public Integer call() {
        LogEvery.check(logEvery);
        UnifiedTrainingConfig recipe = preset.equals("tiny") ? UnifiedTrainingConfig.notebook() : UnifiedTrainingConfig.small();
        if (steps != null) {
            recipe = recipe.withSteps(steps);
        }
        if (batch != null) {
            recipe = recipe.withBatchSize(batch);
        }
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        if (lr != null) {
            recipe = recipe.withLearningRate(lr);
        }
        if (weighting != null) {
            recipe = recipe.withWeighting(LossWeighting.parse(weighting));
        }
        // the preset, its embedding unless one is named, and frozen text: resolved as the notebook's runs are
        UnifiedRun run = new UnifiedRun(preset, embedding == null ? null : EmbeddingMode.parse(embedding), freezeText,
                recipe, out, resume, init);
        UnifiedConfig config = run.model();
        EmbeddingMode mode = config.embedding();
        RuntimeSettings rt = TesseraRuntime.settings();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "TESSERA_THREADS=" + rt.threads() + " ./tessera engine train-unified --preset " + preset
                + " --embedding " + mode.id() + (freezeText ? " --freeze-text" : "") + " --steps " + recipe.steps()
                + " --batch " + recipe.batchSize() + " --seed " + recipe.seed() + (lr != null ? " --lr " + lr : "")
                + (weighting != null ? " --weighting " + weighting : "") + (init != null ? " --init " + init : "") + " --out " + out);
        provenance.put("threads", rt.threads());
        provenance.put("device", TesseraRuntime.device().toString());
        provenance.put("startedAt", Instant.now().toString());
        UnifiedTrainer trainer = UnifiedTrainer.start(run);
        if (resume) {
            provenance = new LinkedHashMap<>(UnifiedCheckpoint.provenance(out));
            provenance.put("resumedAt", Instant.now() + " from step " + trainer.step());
            System.out.println("resuming " + out + " at step " + trainer.step());
        } else {
            if (init != null) {
                // the earlier stage's own record, so one provenance file reproduces every stage
                provenance.put("initialisedFrom", UnifiedCheckpoint.provenance(init));
            }
            System.out.println("training " + config + "\n  " + trainer.model().transformer().parameters().trainableCount()
                    + " trainable parameters, vocabulary " + trainer.model().vocabulary().layout());
        }
        try (UnifiedModel model = trainer.model(); trainer) {
            UnifiedTrainingResult result = trainer.listener(p -> {
                if (p.step() % logEvery == 0 || p.step() == p.totalSteps()) {
                    System.out.println(p);
                }
            }).checkpointTo(out, provenance).run();
            System.out.printf("finished at step %d (%s) in %.0f s, %.0f tokens/s; saved %s%n", result.steps(),
                    result.interrupted() ? "interrupted" : "complete", result.seconds(), result.tokensPerSecond(),
                    out.toAbsolutePath());
        }
        return 0;
    }
}
