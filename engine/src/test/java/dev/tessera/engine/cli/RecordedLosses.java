package dev.tessera.engine.cli;

import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.tokenize.TrainableTokenizer;
import dev.tessera.engine.train.TokenizerPreset;
import dev.tessera.engine.train.TokenizerTrainer;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TrainingProgress;
import dev.tessera.engine.train.TrainingStop;
import dev.tessera.engine.unified.UnifiedConfig;
import dev.tessera.engine.unified.UnifiedModel;
import dev.tessera.engine.unified.UnifiedTrainer;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The first steps of every shipped recipe, one line per step with every reported loss as exact
 * bits: each tokenizer preset's own recipe, and the shipped unified model's two stages (stage 1:
 * the {@code small} recipe, seed 17; stage 2 from stage 1's weights: seed 18, learning rate 3e-4,
 * example weighting) after {@value #STAGE_ONE} steps of stage 1. The runs stop after {@code steps}
 * steps (of stage 2, for the two-stage recipe) of their full-length schedules, so warm-up and
 * cosine decay are the recipes' own.
 *
 * <p>{@code recorded-losses.txt} next to this class was written by this program before the
 * training loops were merged into one; {@link RecordedLossesTest} runs it again and requires
 * the same bits. Regenerate only on purpose:
 * {@code java -cp <engine test classpath> dev.tessera.engine.cli.RecordedLosses 200 > recorded-losses.txt}
 * (the two-stage recipe was recorded with 100: its 100 steps of stage 1, then 100 of stage 2)
 * with the environment {@link RecordedLossesTest#PINNED} sets.
 */
public final class RecordedLosses {

    /** The runs recorded, in file order. */
    public static final List<String> RUNS = List.of("vq-shapes64", "rvq-shapes64", "fsq-shapes64", "vq-shapes32",
            "fsq-shapes32", "setok-shapes64", "unified-two-stage");

    /** Steps of stage 1 before stage 2 of the two-stage recipe starts. */
    public static final int STAGE_ONE = 100;

    private RecordedLosses() {
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        List<String> runs = args.length > 1 ? List.of(args[1].split(",")) : RUNS;
        for (String run : runs) {
            for (String line : record(run, steps)) {
                System.out.println(line);
            }
        }
    }

    /** The lines of run {@code name}'s first {@code steps} steps. */
    public static List<String> record(String name, int steps) {
        List<String> lines = new ArrayList<>();
        if (name.equals("unified-two-stage")) {
            UnifiedTrainingConfig stage1 = UnifiedTrainingConfig.small();
            UnifiedTrainingConfig stage2 = UnifiedTrainingConfig.small().withSeed(18).withSteps(3000).withLearningRate(3e-4)
                    .withWeighting(LossWeighting.EXAMPLE);
            try (UnifiedModel model = UnifiedModel.create(UnifiedConfig.small(), stage1.seed())) {
                try (UnifiedTrainer t = new UnifiedTrainer(model, stage1)) {
                    TrainingStop stop = new TrainingStop();
                    t.listener(p -> lines.add(line(name + "/1", p, STAGE_ONE, stop))).stop(stop).run();
                }
                try (UnifiedTrainer t = new UnifiedTrainer(model, stage2)) {
                    TrainingStop stop = new TrainingStop();
                    t.listener(p -> lines.add(line(name + "/2", p, steps, stop))).stop(stop).run();
                }
            }
            return lines;
        }
        TokenizerPreset preset = TokenizerPreset.parse(name);
        TokenizerTrainingConfig recipe = preset.recipe();
        try (TrainableTokenizer<?> tokenizer = preset.create(recipe.seed())) {
            SceneConfig scenes = SceneConfig.scenes64(recipe.seed()).withSize(tokenizer.imageSize());
            TrainingStop stop = new TrainingStop();
            new TokenizerTrainer(tokenizer, recipe, scenes).listener(p -> lines.add(line(name, p, steps, stop))).stop(stop).run();
        }
        return lines;
    }

    private static String line(String run, TrainingProgress p, int last, TrainingStop stop) {
        if (p.step() >= last) {
            stop.request();
        }
        StringBuilder sb = new StringBuilder(run).append(' ').append(p.step()).append(" loss=").append(bits(p.loss()));
        // the parts every trainer reported when the recording was made (per-task losses and codebook health came later), by name
        new java.util.TreeMap<>(p.parts()).forEach((k, v) -> {
            if (!k.startsWith("task:") && !TokenizerTrainer.HEALTH.contains(k)) {
                sb.append(' ').append(k).append('=').append(bits(v));
            }
        });
        return sb.toString();
    }

    private static String bits(double v) {
        return Long.toHexString(Double.doubleToRawLongBits(v));
    }
}
