package dev.tessera.engine.unified;

import dev.tessera.engine.lm.EmbeddingMode;

import java.nio.file.Path;

/**
 * A training run as a user asks for it: a model preset, an embedding mode, the recipe's
 * overrides, the folder to write, and whether to continue the checkpoint already there.
 *
 * @param preset    "tiny" (seconds), "small" (the shipped model) or "gpu"
 * @param embedding UniCode unified codebook or TEAL joint embedding; null for the preset's own
 * @param freezeText keep the special and text embedding rows fixed (TEAL's frozen text part)
 * @param training  the recipe
 * @param out       checkpoint folder
 * @param resume    continue the checkpoint in {@code out} instead of starting afresh
 * @param init      start from this checkpoint's weights (a new stage: fresh optimizer and schedule),
 *                  or null for new weights
 */
public record UnifiedRun(String preset, EmbeddingMode embedding, boolean freezeText, UnifiedTrainingConfig training, Path out,
                         boolean resume, Path init) {

    public UnifiedRun {
        config(preset);
        if (training == null || out == null) {
            throw new IllegalArgumentException("training and out are required");
        }
        if (resume && init != null) {
            throw new IllegalArgumentException("a run either resumes its own checkpoint or starts from another one's weights, "
                    + "not both; drop the resume or the init");
        }
    }

    /** A run from new weights (or resumed). */
    public UnifiedRun(String preset, EmbeddingMode embedding, boolean freezeText, UnifiedTrainingConfig training, Path out,
                      boolean resume) {
        this(preset, embedding, freezeText, training, out, resume, null);
    }

    /** The model preset names {@link #config} knows. */
    public static final java.util.List<String> PRESETS = java.util.List.of("tiny", "small", "gpu", "small-unicode",
            "tiny-unicode", "small-teal", "tiny-teal", "small-illume", "tiny-illume", "small-stacked2", "small-stacked4",
            "tiny-stacked2", "tiny-stacked4", "small-setok", "tiny-setok", "small-semantic", "tiny-semantic");

    /** The model config of a preset name. */
    public static UnifiedConfig config(String preset) {
        return switch (String.valueOf(preset)) {
            case "tiny" -> UnifiedConfig.tiny();
            case "small" -> UnifiedConfig.small();
            case "gpu" -> UnifiedConfig.gpu();
            case "small-unicode" -> UnifiedConfig.smallUnicode();
            case "tiny-unicode" -> UnifiedConfig.tinyUnicode();
            case "small-teal" -> UnifiedConfig.smallTeal();
            case "tiny-teal" -> UnifiedConfig.tinyTeal();
            case "small-illume" -> UnifiedConfig.smallIllume();
            case "tiny-illume" -> UnifiedConfig.tinyIllume();
            case "small-stacked2" -> UnifiedConfig.smallStacked(2);
            case "small-stacked4" -> UnifiedConfig.smallStacked(4);
            case "tiny-stacked2" -> UnifiedConfig.tinyStacked(2);
            case "tiny-stacked4" -> UnifiedConfig.tinyStacked(4);
            case "small-setok" -> UnifiedConfig.smallSetok();
            case "tiny-setok" -> UnifiedConfig.tinySetok();
            case "small-semantic" -> UnifiedConfig.smallSemantic();
            case "tiny-semantic" -> UnifiedConfig.tinySemantic();
            default -> throw new IllegalArgumentException("unknown model preset '" + preset + "': use one of " + String.join(", ", PRESETS));
        };
    }

    /** The model this run trains. */
    public UnifiedConfig model() {
        UnifiedConfig c = config(preset);
        return c.withEmbedding(embedding == null ? c.embedding() : embedding, freezeText || c.freezeText());
    }
}
