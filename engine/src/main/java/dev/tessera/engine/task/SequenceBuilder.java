package dev.tessera.engine.task;

import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SharedVocabulary;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.Arrays;

/**
 * Writes one task sequence part by part: text, images (bracketed by {@code <boi>..<eoi>}),
 * control tokens, and the point where the target starts. Made by {@link TaskSequences#start},
 * which opens the sequence with the task's tag.
 */
public final class SequenceBuilder {

    private final SharedVocabulary vocab;
    private final String task;
    private int[] ids = new int[32];
    private int length;
    private int targetStart = -1;

    SequenceBuilder(SharedVocabulary vocab, String task) {
        this.vocab = vocab;
        this.task = task;
    }

    /** Appends the shared ids of {@code text}. */
    public SequenceBuilder text(String text) {
        return ids(vocab.encodeText(text));
    }

    /** Appends text ids already encoded ({@link dev.tessera.engine.vocab.SharedVocabulary#encodeText}), e.g. a cut passage. */
    public SequenceBuilder textIds(int[] textIds) {
        for (int id : textIds) {
            if (vocab.layout().kind(id) != dev.tessera.engine.vocab.TokenKind.TEXT) {
                throw new IllegalArgumentException("task " + task + ": id " + id + " is not a text id");
            }
        }
        return ids(textIds);
    }

    /** Appends {@code <boi>}, the image's ids (a grid's, or a SeTok span's), {@code <eoi>}. */
    public SequenceBuilder image(ImageTokens image) {
        return control(SpecialToken.BOI).ids(vocab.encodeImage(image)).control(SpecialToken.EOI);
    }

    /** Appends the image's ids without brackets (a target image after its {@code <boi>}). */
    public SequenceBuilder imageIds(TokenGrid grid) {
        return ids(vocab.encodeImage(grid));
    }

    /**
     * Appends the ids of grid positions {@code [from, to)} of the image, all levels of each, without
     * brackets: outside a {@code <boi>..<eoi>} span a stacked model reads and writes them one id per
     * position (the decompression task's output).
     */
    public SequenceBuilder imageIds(TokenGrid grid, int from, int to) {
        if (from < 0 || to > grid.size() || from >= to) {
            throw new IllegalArgumentException("task " + task + ": positions " + from + ".." + to + " outside the image's "
                    + grid.size());
        }
        return ids(Arrays.copyOfRange(vocab.encodeImage(grid), from * grid.depth(), to * grid.depth()));
    }

    /** Appends a control token, e.g. {@code <answer>} or {@code <eos>}. */
    public SequenceBuilder control(SpecialToken token) {
        return id(vocab.id(token));
    }

    /** Everything appended from here on is the target the loss is taken on (call once). */
    public SequenceBuilder target() {
        if (targetStart >= 0) {
            throw new IllegalStateException("task " + task + ": target() was already called at position " + targetStart);
        }
        targetStart = length;
        return this;
    }

    /** The finished example; the target must have been started and be non-empty. */
    public TaskExample build() {
        if (targetStart < 0) {
            throw new IllegalStateException("task " + task + ": call target() before the part the model must write");
        }
        return new TaskExample(task, Arrays.copyOf(ids, length), targetStart);
    }

    /** The ids so far, with no target: a prompt the model continues at inference. */
    public int[] prompt() {
        if (targetStart >= 0) {
            throw new IllegalStateException("task " + task + ": a prompt has no target, but target() was called");
        }
        return Arrays.copyOf(ids, length);
    }

    SequenceBuilder id(int id) {
        return ids(new int[] {id});
    }

    private SequenceBuilder ids(int[] more) {
        if (length + more.length > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(2 * ids.length, length + more.length));
        }
        System.arraycopy(more, 0, ids, length, more.length);
        length += more.length;
        return this;
    }
}
