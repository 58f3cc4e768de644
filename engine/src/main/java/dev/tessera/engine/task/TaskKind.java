package dev.tessera.engine.task;

import dev.tessera.engine.vocab.SpecialToken;

/** The pretraining tasks over the shared vocabulary, each opened by its task tag. */
public enum TaskKind {
    /** image -> text: {@code <caption><boi>image<eoi>caption<eos>}. */
    CAPTION(SpecialToken.CAPTION),
    /** text -> image: {@code <generate>prompt<boi>image<eoi>}. */
    GENERATE(SpecialToken.GENERATE),
    /** image + question -> answer: {@code <ask><boi>image<eoi>question<answer>answer<eos>}. */
    ANSWER(SpecialToken.ASK);

    private final SpecialToken tag;

    TaskKind(SpecialToken tag) {
        this.tag = tag;
    }

    public SpecialToken tag() {
        return tag;
    }
}
