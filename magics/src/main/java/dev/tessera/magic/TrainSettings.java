package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.CurriculumRun;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code key=value} settings of {@code %tessera train unified} into a {@link UnifiedRun}.
 * The numbers are checked by the engine's {@link UnifiedTrainingConfig} (caps in
 * {@link TrainingLimits}); a number too large for its type is refused here with the same range.
 */
final class TrainSettings {

    static final Set<String> KEYS = Set.of("preset", "embedding", "freeze-text", "steps", "batch", "lr", "seed",
            "checkpoint-every", "out", "resume", "weighting");

    /** The valid values of each numeric key, as the usage and the errors show them. */
    private static final Map<String, String> RANGES = Map.of(
            "steps", "1.." + TrainingLimits.MAX_STEPS,
            "batch", "1.." + TrainingLimits.MAX_BATCH,
            "checkpoint-every", "0.." + TrainingLimits.MAX_STEPS + " (0 = only at the end)",
            "seed", Long.MIN_VALUE + ".." + Long.MAX_VALUE,
            "lr", "[0, 1]");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private TrainSettings() {
    }

    static UnifiedRun parse(List<String> settings) {
        Map<String, String> kv = keyValues(settings, KEYS);
        UnifiedTrainingConfig recipe = UnifiedTrainingConfig.notebook();
        if (kv.containsKey("steps")) {
            recipe = recipe.withSteps(integer(kv, "steps"));
        }
        if (kv.containsKey("batch")) {
            recipe = recipe.withBatchSize(integer(kv, "batch"));
        }
        if (kv.containsKey("lr")) {
            recipe = recipe.withLearningRate(number(kv, "lr"));
        }
        if (kv.containsKey("seed")) {
            recipe = recipe.withSeed(whole(kv, "seed"));
        }
        if (kv.containsKey("weighting")) {
            recipe = recipe.withWeighting(LossWeighting.parse(kv.get("weighting")));
        }
        if (kv.containsKey("checkpoint-every")) {
            recipe = recipe.withCheckpointEvery(integer(kv, "checkpoint-every"));
        }
        String preset = kv.getOrDefault("preset", "small");
        EmbeddingMode mode = kv.containsKey("embedding") ? EmbeddingMode.parse(kv.get("embedding")) : null;
        Path out = kv.containsKey("out") ? Path.of(kv.get("out"))
                : Path.of("runs", "unified-" + STAMP.format(LocalDateTime.now()));
        return new UnifiedRun(preset, mode, bool(kv, "freeze-text"), recipe, out, bool(kv, "resume"));
    }

    /** Keys of {@code %tessera train <curriculum>}. */
    static final Set<String> CURRICULUM_KEYS = Set.of("stage", "steps", "batch", "checkpoint-every", "out");

    /**
     * Reads {@code %tessera train <curriculum> [key=value ...]}: the curriculum (shipped name or
     * JSON file), cut after {@code stage=}, with every stage's budget overridden as asked.
     */
    static CurriculumRun parseCurriculum(String name, List<String> settings) {
        Map<String, String> kv = keyValues(settings, CURRICULUM_KEYS);
        Curriculum c = Curricula.get(name);
        if (kv.containsKey("stage")) {
            c = c.upTo(kv.get("stage"));
        }
        if (kv.containsKey("steps")) {
            c = c.withSteps(integer(kv, "steps"));
        }
        if (kv.containsKey("batch")) {
            c = c.withBatchSize(integer(kv, "batch"));
        }
        if (kv.containsKey("checkpoint-every")) {
            c = c.withCheckpointEvery(integer(kv, "checkpoint-every"));
        }
        Path out = kv.containsKey("out") ? Path.of(kv.get("out"))
                : Path.of("runs", c.name() + "-" + STAMP.format(LocalDateTime.now()));
        return new CurriculumRun(c, out);
    }

    /** The {@code key=value} words as a map; a malformed word or an unknown key is refused, naming the keys. */
    private static Map<String, String> keyValues(List<String> settings, Set<String> keys) {
        List<String> names = keys.stream().sorted().toList();
        Map<String, String> kv = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                String what = eq < 0 ? "is not key=value" : eq == 0 ? "has no key" : "has no value";
                throw new IllegalArgumentException("'" + s + "' " + what + ": write settings as key=value, e.g. steps=100; "
                        + "keys: " + String.join(", ", names));
            }
            String key = s.substring(0, eq);
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'; keys: " + String.join(", ", names));
            }
            kv.put(key, s.substring(eq + 1));
        }
        return kv;
    }

    /** The recipe lines of the usage: each key with its valid values and the notebook recipe's default. */
    static String recipeUsage() {
        UnifiedTrainingConfig d = UnifiedTrainingConfig.notebook();
        return "  steps=N                      optimizer steps, " + RANGES.get("steps") + " (default " + d.steps()
                + ": a few minutes on 2 cores)\n"
                + "  batch=N                      sequences per step, " + RANGES.get("batch") + " (default "
                + d.batchSize() + ")\n"
                + "  lr=X                         peak learning rate, in " + RANGES.get("lr") + " (default "
                + d.learningRate() + ")\n"
                + "  seed=N                       any whole number; the same seed, the same run (default "
                + d.seed() + ")\n"
                + "  checkpoint-every=N           steps between checkpoints, 0.." + TrainingLimits.MAX_STEPS
                + ", 0 = only at the end (default " + d.checkpointEvery() + ")\n";
    }

    private static int integer(Map<String, String> kv, String key) {
        long v = whole(kv, key);
        if (v != (int) v) {
            throw new IllegalArgumentException(key + " must be in " + RANGES.get(key) + ", got " + kv.get(key));
        }
        return (int) v;
    }

    private static long whole(Map<String, String> kv, String key) {
        String text = kv.get(key);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            if (text.matches("[+-]?[0-9]+")) {
                throw new IllegalArgumentException(key + " must be in " + RANGES.get(key) + ", got " + text);
            }
            throw new IllegalArgumentException(key + " must be a whole number in " + RANGES.get(key)
                    + ", written in digits (e.g. " + key + "=100), got '" + text + "'");
        }
    }

    private static double number(Map<String, String> kv, String key) {
        try {
            return Double.parseDouble(kv.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number in " + RANGES.get(key) + " (e.g. lr=0.002), got '"
                    + kv.get(key) + "'");
        }
    }

    private static boolean bool(Map<String, String> kv, String key) {
        String v = kv.getOrDefault(key, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + kv.get(key) + "'");
        }
        return v.equals("true");
    }

}
