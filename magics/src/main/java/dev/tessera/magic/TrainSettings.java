package dev.tessera.magic;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.LossWeighting;
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

/** Reads the {@code key=value} settings of {@code %tessera train unified} into a {@link UnifiedRun}. */
final class TrainSettings {

    static final Set<String> KEYS = Set.of("preset", "embedding", "freeze-text", "steps", "batch", "lr", "seed",
            "checkpoint-every", "out", "resume", "weighting");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private TrainSettings() {
    }

    static UnifiedRun parse(List<String> settings) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new IllegalArgumentException("'" + s + "' is not key=value; keys: " + String.join(", ", sorted()));
            }
            String key = s.substring(0, eq);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + key + "'; keys: " + String.join(", ", sorted()));
            }
            kv.put(key, s.substring(eq + 1));
        }
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
            recipe = recipe.withSeed(integer(kv, "seed"));
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

    private static int integer(Map<String, String> kv, String key) {
        try {
            return Integer.parseInt(kv.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + kv.get(key) + "'");
        }
    }

    private static double number(Map<String, String> kv, String key) {
        try {
            return Double.parseDouble(kv.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + kv.get(key) + "'");
        }
    }

    private static boolean bool(Map<String, String> kv, String key) {
        String v = kv.getOrDefault(key, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + kv.get(key) + "'");
        }
        return v.equals("true");
    }

    private static List<String> sorted() {
        return KEYS.stream().sorted().toList();
    }
}
