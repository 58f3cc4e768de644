package dev.tessera.engine.reliability;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.judge.JudgeConfig;
import dev.tessera.engine.judge.JudgeTrainer;
import dev.tessera.engine.judge.JudgeTrainingConfig;
import dev.tessera.engine.judge.SceneJudge;
import dev.tessera.engine.tokenize.ClusterTokenizer;
import dev.tessera.engine.tokenize.ClusterTokenizerConfig;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenizerConfig;
import dev.tessera.engine.quantize.FsqConfig;
import dev.tessera.engine.quantize.ResidualConfig;
import dev.tessera.engine.quantize.VqConfig;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TokenizerTrainingResult;
import dev.tessera.engine.train.StepLoss;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Many fresh trainings of every trainer, a few steps each, one line per run: the trainer, the
 * seed, the skipped steps and every step's loss as exact bits. {@link FreshTrainingsTest} runs
 * it in several fresh JVMs and compares their lines; run alone it is a quick stress check:
 * {@code java -cp <test classpath> dev.tessera.engine.reliability.FreshTrainings 10 4}.
 * A run that fails prints {@code ERROR} and the exception's message instead of losses.
 */
public final class FreshTrainings {

    /** The trainers covered; each builds its tiny config from a seed. */
    public static final List<String> TRAINERS = List.of("vq", "rvq", "fsq", "setok", "judge", "assessor",
            "unified", "edit");

    private FreshTrainings() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<String> trainers = args.length > 2 ? List.of(args[2].split(",")) : TRAINERS;
        for (String trainer : trainers) {
            for (int seed = 1; seed <= seeds; seed++) {
                System.out.println(run(trainer, seed, steps));
            }
        }
    }

    /** One fresh training: "trainer seed skipped=N loss-bits..." or "trainer seed ERROR message". */
    public static String run(String trainer, long seed, int steps) {
        String head = trainer + " " + seed + " ";
        try {
            Outcome o = train(trainer, seed, steps);
            StringBuilder sb = new StringBuilder(head).append("skipped=").append(o.skipped());
            o.losses().forEach(l -> sb.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(l))));
            return sb.toString();
        } catch (RuntimeException e) {
            return head + "ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private record Outcome(int skipped, List<Double> losses) {
    }

    private static Outcome train(String trainer, long seed, int steps) {
        SceneConfig scenes16 = SceneConfig.scenes64(seed).withSize(16);
        TokenizerTrainingConfig tokenizerRun = TokenizerTrainingConfig.smoke().withSteps(steps).withSeed(seed);
        return switch (trainer) {
            case "vq", "rvq", "fsq" -> {
                TokenizerConfig c = switch (trainer) {
                    case "vq" -> TokenizerConfig.tiny();
                    case "rvq" -> TokenizerConfig.tiny().withQuantizer(new ResidualConfig(VqConfig.tiny(), 2));
                    default -> TokenizerConfig.tiny().withQuantizer(FsqConfig.tiny());
                };
                try (GridTokenizer t = GridTokenizer.create(trainer, c, seed)) {
                    TokenizerTrainingResult r = new TokenizerTrainer(t, tokenizerRun, scenes16).run();
                    yield new Outcome(r.skippedSteps(), r.reconstructionLoss());
                }
            }
            case "setok" -> {
                try (ClusterTokenizer t = ClusterTokenizer.create(trainer, ClusterTokenizerConfig.tiny(), seed)) {
                    TokenizerTrainingResult r = new TokenizerTrainer(t, tokenizerRun.withQuantizerWarmup(steps / 2), scenes16).run();
                    yield new Outcome(r.skippedSteps(), r.reconstructionLoss());
                }
            }
            case "judge" -> {
                try (SceneJudge j = SceneJudge.create(trainer, JudgeConfig.tiny(), seed)) {
                    var r = new JudgeTrainer(j, JudgeTrainingConfig.smoke().withSteps(steps).withSeed(seed)).run();
                    yield new Outcome(r.skippedSteps(), r.loss());
                }
            }
            case "assessor" -> {
                // the token reader: DJL's own attention and batch-norm blocks over fsq-shapes32 ids
                try (SceneJudge j = SceneJudge.create(trainer, new JudgeConfig(32, 0, 2, 16, 32, "fsq-shapes32", 1, 2), seed)) {
                    var r = new JudgeTrainer(j, JudgeTrainingConfig.smoke().withSteps(steps).withSeed(seed)).run();
                    yield new Outcome(r.skippedSteps(), r.loss());
                }
            }
            case "unified", "edit" -> {
                // edit: two images a sequence, items carrying edits, the context grown to 192
                UnifiedConfig config = trainer.equals("edit") ? UnifiedConfig.tinyIllume() : UnifiedConfig.tiny();
                UnifiedTrainingConfig run = UnifiedTrainingConfig.smoke().withSteps(steps).withSeed(seed);
                if (trainer.equals("edit")) {
                    run = run.withMix(dev.tessera.engine.task.TaskMix.of("caption", dev.tessera.engine.task.EditTask.NAME));
                }
                UnifiedModel created = UnifiedModel.create(config, seed);
                try (UnifiedModel m = trainer.equals("edit")
                        ? created.withTaskTags(List.of(dev.tessera.engine.task.EditTask.TAG)) : created;
                     UnifiedTrainer t = new UnifiedTrainer(m, run)) {
                    var r = t.run();
                    List<Double> losses = new ArrayList<>();
                    for (StepLoss s : r.history()) {
                        losses.add(s.loss());
                    }
                    yield new Outcome(r.skippedSteps(), losses);
                }
            }
            default -> throw new IllegalArgumentException("trainer must be one of " + TRAINERS + "; got " + trainer);
        };
    }
}
