package dev.tessera.magic;

import dev.tessera.engine.lm.EmbeddingMode;
import dev.tessera.engine.lm.LossWeighting;
import dev.tessera.engine.train.TokenizerPreset;
import dev.tessera.engine.train.TrainingLimits;
import dev.tessera.engine.unified.UnifiedRun;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@code key=value} setting of the train magics, written once: its key, the form of its
 * value, what it sets and, for a number, its valid range (from the engine's caps). The errors
 * that refuse a value and the usages of {@code train unified} and {@code train <curriculum>}
 * ({@link TrainForm}) are drawn from it, so they cannot tell different stories.
 */
enum TrainKey {
    PRESET("preset", "NAME", "the model's size and kind: " + String.join(", ", UnifiedRun.PRESETS), null),
    RECIPE("recipe", "NAME", "the tokenizer whose architecture and training recipe to train from scratch: "
            + String.join(", ", TokenizerPreset.ids()), null),
    EMBEDDING("embedding", ids(EmbeddingMode.values(), EmbeddingMode::id),
            "UniCode tied codebook or TEAL joint embedding", null),
    FREEZE_TEXT("freeze-text", "true|false", "keep the text embeddings fixed (TEAL)", null),
    STEPS("steps", "N", "optimizer steps", "1.." + TrainingLimits.MAX_STEPS),
    BATCH("batch", "N", "examples per step (sequences; images for a tokenizer)", "1.." + TrainingLimits.MAX_BATCH),
    LR("lr", "X", "peak learning rate", "[0, 1]"),
    SEED("seed", "N", "the same seed, the same run", Long.MIN_VALUE + ".." + Long.MAX_VALUE),
    CHECKPOINT_EVERY("checkpoint-every", "N", "steps between checkpoints",
            "0.." + TrainingLimits.MAX_STEPS + ", 0 = only at the end"),
    WEIGHTING("weighting", ids(LossWeighting.values(), LossWeighting::id),
            "loss per target token or per sequence, however long its target", null),
    STAGE("stage", "NAME", "train the stages up to and including NAME only", null),
    OUT("out", "FOLDER", "the folder the run writes", null),
    RESUME("resume", "true|false", "continue the checkpoint in out= with its own recipe", null);

    private final String key;
    private final String value;
    private final String meaning;
    private final String range;

    TrainKey(String key, String value, String meaning, String range) {
        this.key = key;
        this.value = value;
        this.meaning = meaning;
        this.range = range;
    }

    /** What a line writes before the {@code =}. */
    String key() {
        return key;
    }

    /** The valid values of a number ({@code 1..1024}, {@code [0, 1]}), or null for a key that is not one. */
    String range() {
        return range;
    }

    /** The usage row of this key, with its default ({@code byDefault}) where it is used. */
    UsageText.Row row(String byDefault) {
        return new UsageText.Row(key + "=" + value,
                meaning + (range == null ? "" : ", in " + range) + " (default " + byDefault + ")");
    }

    /** The key a line writes as {@code key}, or null when there is none. */
    static TrainKey named(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst().orElse(null);
    }

    private static <T> String ids(T[] values, Function<T, String> id) {
        return Arrays.stream(values).map(id).collect(Collectors.joining("|"));
    }
}
