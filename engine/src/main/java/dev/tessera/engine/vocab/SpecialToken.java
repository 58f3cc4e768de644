package dev.tessera.engine.vocab;

import java.util.Locale;

/**
 * The control tokens of the shared vocabulary: padding, end of sequence, the brackets around
 * an image span, and the task tags that tell the model what to do with the sequence.
 */
public enum SpecialToken {
    PAD, EOS, BOI, EOI, CAPTION, GENERATE, ASK, ANSWER;

    /** The written form, e.g. {@code <boi>}. */
    public String text() {
        return "<" + name().toLowerCase(Locale.ROOT) + ">";
    }
}
