package dev.tessera.engine.cli;

import dev.tessera.engine.data.EvaluationSet;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.io.CheckpointFolder;
import dev.tessera.engine.judge.JudgeCheckpoint;
import dev.tessera.engine.judge.JudgeEvaluation;
import dev.tessera.engine.judge.JudgeReport;
import dev.tessera.engine.judge.RoundedSquares;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.unified.GenerationEvaluationConfig;
import dev.tessera.engine.unified.JudgeAgreement;
import dev.tessera.engine.unified.UnifiedCheckpoint;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Measures a judge: its per-aspect accuracy on held-out scenes as drawn and through tokenizers,
 * and where it stops calling a rounded square a square ({@link RoundedSquares}).
 */
@Command(name = "eval-judge", mixinStandardHelpOptions = true,
        description = "Measure a scene judge on held-out scenes (as drawn, and through tokenizers) and on rounded squares.")
final class EvalJudgeCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", description = "judge checkpoint folder (default: the shipped one, see --name)")
    Path checkpoint;

    @Option(names = "--name", defaultValue = JudgeCheckpoint.DEFAULT, description = "shipped judge name")
    String name;

    @Option(names = "--images", defaultValue = "1024", description = "held-out scenes (1.." + EvaluationSet.MAX_IMAGES + ")")
    int images;

    @Option(names = "--tokenizer", description = "also judge this tokenizer's reconstructions (folder or shipped name); repeatable")
    List<String> tokenizers = new ArrayList<>();

    @Option(names = "--record", description = "write the results into the checkpoint folder's provenance.json")
    boolean record;

    @Option(names = "--agree-with", paramLabel = "JUDGE", description = "also measure how often this judge (a shipped name "
            + "or a folder) gives the same verdict on the model's generated images for GenEval-style prompts")
    String agreeWith;

    @Option(names = "--model", defaultValue = UnifiedCheckpoint.DEFAULT, description = "shipped unified model that draws "
            + "the images for --agree-with (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--prompts", defaultValue = "16", description = "prompts per category for --agree-with (1..256)")
    int prompts;

    @Option(names = "--samples", defaultValue = "4", description = "images per prompt for --agree-with")
    int samples;

    @Override
    public Integer call() {
        if (record && checkpoint == null) {
            throw new IllegalArgumentException("--record needs --checkpoint FOLDER (a shipped judge is read-only)");
        }
        EvaluationSet.checkCount(images);
        try (SceneJudge judge = checkpoint == null ? JudgeCheckpoint.pretrained(name) : JudgeCheckpoint.load(checkpoint)) {
            List<Scene> heldOut = JudgeEvaluation.heldOut(judge, images);
            JudgeReport real = JudgeEvaluation.evaluate(judge, heldOut);
            System.out.println("judge " + judge.name() + " on " + real);
            List<JudgeReport> through = new ArrayList<>();
            for (String source : tokenizers) {
                try (TrainableTokenizer<?> tokenizer = TrainJudgeCommand.loadTokenizer(source)) {
                    JudgeReport r = JudgeEvaluation.evaluate(judge, heldOut, tokenizer);
                    System.out.println("judge " + judge.name() + " on " + r);
                    through.add(r);
                }
            }
            List<RoundedSquares.Point> rounded = RoundedSquares.measure(judge, Math.min(images, 256));
            rounded.forEach(p -> System.out.println("rounded squares, " + p));
            JudgeAgreement agreement = null;
            if (agreeWith != null) {
                GenerationEvaluationConfig drawn = GenerationEvaluationConfig.full().withPrompts(prompts).withSamples(samples);
                try (SceneJudge other = TrainJudgeCommand.loadJudge(agreeWith);
                     UnifiedModel drawer = UnifiedCheckpoint.pretrained(model).model()) {
                    SamplingConfig sampling = SamplingConfig.images(0);
                    agreement = JudgeAgreement.measure(drawer, judge, other, drawn, sampling);
                    System.out.println(agreement + "\n  (images drawn by " + model + ", " + sampling + ")");
                }
            }
            if (record) {
                if (agreement != null) {
                    CheckpointFolder.record(checkpoint, "agreement", java.util.Map.of("with", agreeWith, "model", model,
                            "promptsPerCategory", prompts, "samplesPerPrompt", samples, "result", agreement));
                }
                CheckpointFolder.record(checkpoint, "heldOut", real);
                CheckpointFolder.record(checkpoint, "reconstructed", through);
                CheckpointFolder.record(checkpoint, "roundedSquares", rounded);
                System.out.println("recorded in " + checkpoint.resolve(CheckpointFolder.PROVENANCE));
            }
        }
        return 0;
    }
}
