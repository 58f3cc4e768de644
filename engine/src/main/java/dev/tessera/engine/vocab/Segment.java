package dev.tessera.engine.vocab;

import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.tokenize.TokenSet;

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

    /**
     * The dynamic tokens between {@code <boi>} and {@code <eoi>} of a SeTok span vocabulary
     * ({@link SharedVocabulary#spans}): each token a content code and the patch of its centre.
     * {@code complete} is false when the ids do not form whole (code, centre) pairs in reading
     * order; {@code tokens} is then the whole pairs read so far, or null when there is none.
     * {@code written} is how many ids the span held.
     */
    record Span(TokenSet tokens, boolean complete, int written) implements Segment {
    }

    /** A control token. */
    record Special(SpecialToken token) implements Segment {
    }

    /** A task tag bound for a new task, e.g. {@code <colours>} ({@link VocabularyLayout#taskTags()}). */
    record TaskTag(String tag) implements Segment {
    }
}
