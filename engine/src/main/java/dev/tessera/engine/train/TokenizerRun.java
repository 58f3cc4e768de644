package dev.tessera.engine.train;

import dev.tessera.engine.data.EvaluationSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One tokenizer training to run: which shipped tokenizer's architecture and recipe
 * ({@link TokenizerPreset}), the training settings (the preset's own, or changed), the folder
 * its checkpoint goes to, and how many held-out scenes measure it afterwards. Checked when made,
 * so a bad setting is refused before anything is built or written.
 *
 * @param preset     the architecture (encoder, quantizer, decoder) and default recipe
 * @param training   steps, batch, learning rate, seed, restarts, checkpoint interval
 * @param out        the checkpoint folder; it must not hold a checkpoint already
 * @param evalImages held-out scenes the trained tokenizer is measured on (1..{@link EvaluationSet#MAX_IMAGES})
 */
public record TokenizerRun(TokenizerPreset preset, TokenizerTrainingConfig training, Path out, int evalImages) {

    /** Held-out scenes measured when none are asked for: a few seconds. */
    public static final int DEFAULT_EVAL_IMAGES = 256;

    public TokenizerRun {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(out, "out");
        EvaluationSet.checkCount(evalImages);
        if (Files.exists(out.resolve("config.json"))) {
            throw new IllegalArgumentException(out + " already holds a tokenizer checkpoint; choose another folder (out=...)");
        }
    }

    /** {@code preset} with its own recipe, measured on {@value #DEFAULT_EVAL_IMAGES} held-out scenes. */
    public static TokenizerRun of(TokenizerPreset preset, Path out) {
        return new TokenizerRun(preset, preset.recipe(), out, DEFAULT_EVAL_IMAGES);
    }

    /**
     * The trained tokenizer's name: its folder's (the shipped checkpoints were made in folders
     * named after their preset), so a retrained tokenizer is never shown under a shipped one's name.
     */
    public String name() {
        Path file = out.toAbsolutePath().normalize().getFileName();
        return file == null ? preset.id() : file.toString();
    }

    public TokenizerRun withTraining(TokenizerTrainingConfig t) {
        return new TokenizerRun(preset, t, out, evalImages);
    }

    public TokenizerRun withEvalImages(int n) {
        return new TokenizerRun(preset, training, out, n);
    }
}
