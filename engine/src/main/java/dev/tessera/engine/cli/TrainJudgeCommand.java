package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.JudgeConfig;
import dev.tessera.engine.judge.JudgeEvaluation;
import dev.tessera.engine.judge.JudgeReport;
import dev.tessera.engine.judge.JudgeTrainer;
import dev.tessera.engine.judge.JudgeTrainingConfig;
import dev.tessera.engine.judge.JudgeTrainingResult;
import dev.tessera.engine.judge.RoundedSquares;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.runtime.RuntimeSettings;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.TokenizerCheckpoint;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import dev.tessera.engine.train.TrainingLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Trains a scene judge on generated scenes, measures it on held-out scenes, saves a checkpoint. */
@Command(name = "train-judge", mixinStandardHelpOptions = true,
        description = "Train the per-object scene judge (each object's colour, shape and centre) on synthetic scenes and save a checkpoint folder.")
final class TrainJudgeCommand implements Callable<Integer> {

    /** The named recipes: architecture plus training settings. */
    enum Preset {
        JUDGE_OBJECTS32(JudgeConfig.objects32(), JudgeTrainingConfig.objects32()),
        ASSESSOR_TOKENS32(JudgeConfig.tokens32(), JudgeTrainingConfig.tokens32()),
        TINY(JudgeConfig.tiny(), JudgeTrainingConfig.smoke());

        final JudgeConfig config;
        final JudgeTrainingConfig recipe;

        Preset(JudgeConfig config, JudgeTrainingConfig recipe) {
            this.config = config;
            this.recipe = recipe;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Preset parse(String text) {
            return Arrays.stream(values()).filter(p -> p.id().equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown preset '" + text + "': use one of "
                            + Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "))));
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "judge-objects32", description = "judge-objects32 (32x32 scenes), assessor-tokens32 (a transformer "
            + "over fsq-shapes32's ids of 32x32 scenes) or tiny")
    String preset;

    @Option(names = "--steps", description = "override the preset's step count (1.." + TrainingLimits.MAX_STEPS + ")")
    Integer steps;

    @Option(names = "--seed", description = "override the preset's training seed (never the held-out seed)")
    Long seed;

    @Option(names = "--out", required = true, description = "checkpoint folder to write")
    Path out;

    @Option(names = "--eval-images", defaultValue = "1024", description = "held-out scenes to evaluate on (1.." + EvaluationSet.MAX_IMAGES + ")")
    int evalImages;

    @Option(names = "--log-every", defaultValue = "100", description = "print progress every N steps")
    int logEvery;

    @Option(names = "--tokenizer", description = "also judge this tokenizer's reconstructions: a checkpoint folder or a shipped name")
    String tokenizerSource;

    @Override
    public Integer call() {
        Preset p = Preset.parse(preset);
        EvaluationSet.checkCount(evalImages);
        LogEvery.check(logEvery);
        JudgeTrainingConfig recipe = p.recipe;
        if (steps != null) {
            recipe = recipe.withSteps(steps);
        }
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        RuntimeSettings rt = TesseraRuntime.settings();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", "TESSERA_THREADS=" + rt.threads() + " ./tessera engine train-judge --preset " + p.id()
                + " --steps " + recipe.steps() + " --seed " + recipe.seed() + " --out " + out + " --eval-images " + evalImages
                + (tokenizerSource == null ? "" : " --tokenizer " + tokenizerSource));
        provenance.put("arguments", List.copyOf(spec.commandLine().getParseResult().originalArgs()));
        provenance.put("seed", recipe.seed());
        provenance.put("threads", rt.threads());
        provenance.put("device", TesseraRuntime.device().toString());
        provenance.put("startedAt", Instant.now().toString());
        // load the tokenizer first: a wrong name should fail before minutes of training, not after
        try (TrainableTokenizer<?> tokenizer = tokenizerSource == null ? null : loadTokenizer(tokenizerSource);
             SceneJudge judge = SceneJudge.create(p.id(), p.config, recipe.seed())) {
            System.out.println(judge + ", training " + recipe);
            JudgeTrainer trainer = new JudgeTrainer(judge, recipe)
                    .listener(progress -> {
                        if (progress.step() % logEvery == 0 || progress.step() == progress.totalSteps()) {
                            System.out.println(progress);
                        }
                    })
                    .checkpointTo(out, provenance);
            JudgeTrainingResult result = trainer.run();
            List<Scene> heldOut = JudgeEvaluation.heldOut(judge, evalImages);
            JudgeReport real = JudgeEvaluation.evaluate(judge, heldOut);
            System.out.println("held-out " + real);
            provenance.put("seconds", result.seconds());
            provenance.put("stepsDone", result.stepsDone());
            provenance.put("interrupted", result.interrupted());
            provenance.put("skippedSteps", result.skippedSteps());
            provenance.put("parameters", judge.parameterCount());
            provenance.put("training", recipe);
            provenance.put("scenes", trainer.scenes());
            provenance.put("heldOut", real);
            List<RoundedSquares.Point> rounded = RoundedSquares.measure(judge, Math.min(evalImages, 256));
            rounded.forEach(point -> System.out.println("rounded squares, " + point));
            provenance.put("roundedSquares", rounded);
            if (tokenizer != null) {
                JudgeReport decoded = JudgeEvaluation.evaluate(judge, heldOut, tokenizer);
                System.out.println("held-out through " + decoded);
                provenance.put("reconstructed", List.of(decoded));
            }
            JudgeCheckpoint.save(judge, out, provenance);
            System.out.println("saved " + out.toAbsolutePath());
        }
        return 0;
    }

    /** A tokenizer from a checkpoint folder, or a shipped one by name. */
    static TrainableTokenizer<?> loadTokenizer(String source) {
        Path folder = Path.of(source);
        return Files.isDirectory(folder) ? TokenizerCheckpoint.load(folder) : TokenizerCheckpoint.pretrained(source);
    }

    /** A judge from a checkpoint folder, or a shipped one by name. */
    static SceneJudge loadJudge(String source) {
        Path folder = Path.of(source);
        return Files.isDirectory(folder) ? JudgeCheckpoint.load(folder) : JudgeCheckpoint.pretrained(source);
    }
}
