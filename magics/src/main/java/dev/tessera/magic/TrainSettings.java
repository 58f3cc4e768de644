package dev.tessera.magic;

import dev.tessera.engine.curriculum.Curricula;
import dev.tessera.engine.curriculum.Curriculum;
import dev.tessera.engine.curriculum.CurriculumRun;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.train.TokenizerPreset;
import dev.tessera.engine.train.TokenizerRun;
import dev.tessera.engine.train.TokenizerTrainingConfig;
import dev.tessera.engine.train.TrainingBudget;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.unified.UnifiedRun;
import dev.tessera.engine.unified.UnifiedTrainingConfig;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.tessera.magic.TrainKey.BATCH;
import static dev.tessera.magic.TrainKey.CHECKPOINT_EVERY;
import static dev.tessera.magic.TrainKey.EMBEDDING;
import static dev.tessera.magic.TrainKey.FREEZE_TEXT;
import static dev.tessera.magic.TrainKey.LR;
import static dev.tessera.magic.TrainKey.OUT;
import static dev.tessera.magic.TrainKey.PRESET;
import static dev.tessera.magic.TrainKey.RECIPE;
import static dev.tessera.magic.TrainKey.RESUME;
import static dev.tessera.magic.TrainKey.SEED;
import static dev.tessera.magic.TrainKey.STAGE;
import static dev.tessera.magic.TrainKey.STEPS;
import static dev.tessera.magic.TrainKey.WEIGHTING;

/**
 * Reads the {@code key=value} settings of {@code %tessera train unified} into a {@link UnifiedRun}
 * and those of {@code %tessera train <curriculum>} into a {@link CurriculumRun}. The keys, their
 * ranges and their defaults are {@link TrainKey}'s and {@link TrainForm}'s. The numbers are
 * checked by the engine's {@link UnifiedTrainingConfig} (caps in {@link TrainingLimits}); a
 * number too large for its type is refused here with the same range.
 */
final class TrainSettings {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private TrainSettings() {
    }

    static UnifiedRun parse(List<String> settings) {
        Map<TrainKey, String> kv = keyValues(settings, TrainForm.UNIFIED.keys());
        UnifiedTrainingConfig recipe = budget(kv, UnifiedTrainingConfig.notebook());
        if (kv.containsKey(WEIGHTING)) {
            recipe = recipe.withWeighting(LossWeighting.parse(kv.get(WEIGHTING)));
        }
        String preset = kv.getOrDefault(PRESET, TrainForm.DEFAULT_PRESET);
        EmbeddingMode mode = kv.containsKey(EMBEDDING) ? EmbeddingMode.parse(kv.get(EMBEDDING)) : null;
        return new UnifiedRun(preset, mode, bool(kv, FREEZE_TEXT), recipe, out(kv, "unified"), bool(kv, RESUME));
    }

    /**
     * Reads {@code %tessera train <curriculum> [key=value ...]}: the curriculum (shipped name or
     * JSON file), cut after {@code stage=}, with every stage's budget overridden as asked.
     */
    static CurriculumRun parseCurriculum(String name, List<String> settings) {
        Map<TrainKey, String> kv = keyValues(settings, TrainForm.CURRICULUM.keys());
        Curriculum c = Curricula.get(name);
        if (kv.containsKey(STAGE)) {
            c = c.upTo(kv.get(STAGE));
        }
        if (kv.containsKey(STEPS)) {
            c = c.withSteps(integer(kv, STEPS));
        }
        if (kv.containsKey(BATCH)) {
            c = c.withBatchSize(integer(kv, BATCH));
        }
        if (kv.containsKey(CHECKPOINT_EVERY)) {
            c = c.withCheckpointEvery(integer(kv, CHECKPOINT_EVERY));
        }
        return new CurriculumRun(c, out(kv, c.name()));
    }

    /**
     * Reads {@code %tessera train tokenizer [key=value ...]}: a shipped tokenizer's architecture and
     * recipe ({@code recipe=}), cut to a notebook's budget, with the settings asked for.
     */
    static TokenizerRun parseTokenizer(List<String> settings) {
        Map<TrainKey, String> kv = keyValues(settings, TrainForm.TOKENIZER.keys());
        String name = kv.getOrDefault(RECIPE, TrainForm.DEFAULT_RECIPE);
        if (!TokenizerPreset.ids().contains(name)) {
            throw new IllegalArgumentException("recipe=" + name + " is not a tokenizer Tessera knows; recipe= takes one of "
                    + String.join(", ", TokenizerPreset.ids()));
        }
        TokenizerPreset preset = TokenizerPreset.parse(name);
        TokenizerTrainingConfig recipe = budget(kv, preset.notebookRecipe());
        return new TokenizerRun(preset, recipe, out(kv, preset.id()), TokenizerRun.DEFAULT_EVAL_IMAGES);
    }

    /** {@code recipe} with the steps=, batch=, lr=, seed= and checkpoint-every= the line gives, in that order. */
    private static <R extends TrainingBudget<R>> R budget(Map<TrainKey, String> kv, R recipe) {
        if (kv.containsKey(STEPS)) {
            recipe = recipe.withSteps(integer(kv, STEPS));
        }
        if (kv.containsKey(BATCH)) {
            recipe = recipe.withBatchSize(integer(kv, BATCH));
        }
        if (kv.containsKey(LR)) {
            recipe = recipe.withLearningRate(number(kv, LR));
        }
        if (kv.containsKey(SEED)) {
            recipe = recipe.withSeed(whole(kv, SEED));
        }
        if (kv.containsKey(CHECKPOINT_EVERY)) {
            recipe = recipe.withCheckpointEvery(integer(kv, CHECKPOINT_EVERY));
        }
        return recipe;
    }

    /** The {@code key=value} words as a map; a malformed word or an unknown key is refused, naming the keys. */
    private static Map<TrainKey, String> keyValues(List<String> settings, Set<TrainKey> keys) {
        List<String> names = keys.stream().map(TrainKey::key).sorted().toList();
        Map<TrainKey, String> kv = new EnumMap<>(TrainKey.class);
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                String what = eq < 0 ? "is not key=value" : eq == 0 ? "has no key" : "has no value";
                throw new IllegalArgumentException("'" + s + "' " + what + ": write settings as key=value, e.g. steps=100; "
                        + "keys: " + String.join(", ", names));
            }
            String name = s.substring(0, eq);
            TrainKey key = TrainKey.named(name);
            if (key == null || !keys.contains(key)) {
                throw new IllegalArgumentException("unknown setting '" + name + "'; keys: " + String.join(", ", names));
            }
            kv.put(key, s.substring(eq + 1));
        }
        return kv;
    }

    /** The folder {@code out=} names, or a new one under {@code runs/} named after the run and the time. */
    private static Path out(Map<TrainKey, String> kv, String run) {
        return Path.of(kv.containsKey(OUT) ? kv.get(OUT) : TrainForm.runFolder(run, STAMP.format(LocalDateTime.now())));
    }

    private static int integer(Map<TrainKey, String> kv, TrainKey key) {
        long v = whole(kv, key);
        if (v != (int) v) {
            throw new IllegalArgumentException(key.key() + " must be in " + key.range() + ", got " + kv.get(key));
        }
        return (int) v;
    }

    private static long whole(Map<TrainKey, String> kv, TrainKey key) {
        String text = kv.get(key);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            if (text.matches("[+-]?[0-9]+")) {
                throw new IllegalArgumentException(key.key() + " must be in " + key.range() + ", got " + text);
            }
            throw new IllegalArgumentException(key.key() + " must be a whole number in " + key.range()
                    + ", written in digits (e.g. " + key.key() + "=100), got '" + text + "'");
        }
    }

    private static double number(Map<TrainKey, String> kv, TrainKey key) {
        try {
            return Double.parseDouble(kv.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.key() + " must be a number in " + key.range() + " (e.g. "
                    + key.key() + "=0.002), got '" + kv.get(key) + "'");
        }
    }

    private static boolean bool(Map<TrainKey, String> kv, TrainKey key) {
        String v = kv.getOrDefault(key, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key.key() + " must be true or false, got '" + kv.get(key) + "'");
        }
        return v.equals("true");
    }

}
