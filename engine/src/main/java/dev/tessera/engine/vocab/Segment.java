package dev.tessera.engine.vocab;

import dev.tessera.engine.tokenize.TokenGrid;

/** One run of a {@link MixedSequence}: text, an image, or a control token. */
public sealed interface Segment {

    /** Consecutive text tokens, decoded. */
    record Text(String text, int[] ids) implements Segment {
    }

    /**
     * The image tokens between {@code <boi>} and {@code <eoi>}. {@code complete} is false when
     * the span held fewer or more codes than one image needs (a truncated generation, or codes
     * written out as decompression writes them); {@code written} is how many ids it held, the
     * grid's missing codes being 0.
     */
    record Image(TokenGrid grid, boolean complete, int written) implements Segment {

        /** A span that held exactly its grid's ids. */
        public Image(TokenGrid grid, boolean complete) {
            this(grid, complete, grid.ids().length);
        }
    }

    /** A control token. */
    record Special(SpecialToken token) implements Segment {
    }

    /** A task tag bound for a new task, e.g. {@code <colours>} ({@link VocabularyLayout#taskTags()}). */
    record TaskTag(String tag) implements Segment {
    }
}
