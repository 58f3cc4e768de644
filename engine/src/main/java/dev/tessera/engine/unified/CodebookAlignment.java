package dev.tessera.engine.unified;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the image tokenizer takes part in a stage: frozen (every recipe before UniCode's), or
 * trained alongside the language model with UniCode's language-driven iterative training
 * (Zheng et al., "UniCode: Learning a Unified Codebook for Multimodal Large Language Models",
 * arXiv 2403.09072).
 *
 * <p>In UniCode the visual codebook and the language model's image table are meant to be one
 * table. Training alternates a tokenizer step (the codebook's EMA update on the batch's images,
 * {@code C' = d C + (1-d) mean(assigned z)}) with a language-model step (which moves the model's
 * own copy of the table, {@code C_L}, by gradient), and every {@code every} steps the codebook is
 * pulled toward the model's table, {@code C' = lambda C + (1 - lambda) C_L}. At this scale the
 * tokenizer's encoder and decoder keep their shipped weights: the codebook is the part that
 * learns and the part alignment acts on. The {@link Mode}s are the paper's ablation.
 *
 * <p>It needs a unified-codebook model ({@link dev.tessera.engine.lm.EmbeddingMode#UNIFIED_CODEBOOK})
 * over a tokenizer whose codebook the model can share row for row (a single-level EMA VQ such
 * as {@code vq-shapes32}; FSQ has no codebook to align).
 *
 * @param mode   which arm of the ablation
 * @param every  language-model steps between two alignments (the paper's N)
 * @param lambda the share of the old codebook kept at an alignment, in [0, 1)
 */
public record CodebookAlignment(Mode mode, int every, double lambda) {

    /** Steps between alignments in {@link #of}. */
    public static final int DEFAULT_EVERY = 25;
    /** Share kept at an alignment in {@link #of}. */
    public static final double DEFAULT_LAMBDA = 0.9;

    /** The arms of UniCode's ablation, plus the frozen tokenizer of every other recipe. */
    public enum Mode {
        /** The tokenizer does not learn: its ids mean the same all stage long. */
        FROZEN,
        /** Tokenizer steps alternate with model steps, but the codebook and the model's table never meet. */
        NONE,
        /** UniCode: the codebook is pulled toward the model's table; the table is never overwritten. */
        ONE_WAY,
        /** As {@link #ONE_WAY}, but the model's table does not learn: the codebook is pulled toward a fixed table. */
        FROZEN_LM_TABLE,
        /** Both are pulled toward each other: the visual codebook also flows into the model. */
        TWO_WAY;

        /** The name settings and the command line use: {@code frozen}, {@code one-way}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The mode named {@code text} as {@link #id()} writes it, or a clear error listing the names. */
        public static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.id().equals(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("alignment must be one of " + Arrays.stream(values()).map(Mode::id).toList()
                    + ", got '" + text + "'");
        }
    }

    public CodebookAlignment {
        if (mode == null) {
            mode = Mode.FROZEN;
        }
        if (every < 1 || every > 1_000_000) {
            throw new IllegalArgumentException("alignment every must be in 1..1000000 steps, got " + every);
        }
        if (!(lambda >= 0) || lambda >= 1) {
            throw new IllegalArgumentException("alignment lambda (the share of the codebook kept) must be in [0, 1), got "
                    + lambda);
        }
    }

    /** A frozen tokenizer: what every stage does unless it says otherwise. */
    public static CodebookAlignment frozen() {
        return of(Mode.FROZEN);
    }

    /** {@code mode} with the default interval and share. */
    public static CodebookAlignment of(Mode mode) {
        return new CodebookAlignment(mode, DEFAULT_EVERY, DEFAULT_LAMBDA);
    }

    /** Whether the tokenizer's codebook learns in this stage. */
    public boolean learns() {
        return mode != Mode.FROZEN;
    }

    /** Whether alignments pull the codebook toward the model's table. */
    public boolean pullsCodebook() {
        return mode == Mode.ONE_WAY || mode == Mode.FROZEN_LM_TABLE || mode == Mode.TWO_WAY;
    }

    /** Whether alignments also pull the model's table toward the codebook. */
    public boolean pullsTable() {
        return mode == Mode.TWO_WAY;
    }

    /** Whether the model's image table is kept fixed. */
    public boolean freezesTable() {
        return mode == Mode.FROZEN_LM_TABLE;
    }

    /** Whether an alignment falls after {@code stepsDone} steps. */
    public boolean alignsAfter(int stepsDone) {
        return (pullsCodebook() || pullsTable()) && stepsDone % every == 0;
    }
}
