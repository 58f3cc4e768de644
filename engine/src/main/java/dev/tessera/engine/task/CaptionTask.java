package dev.tessera.engine.task;

import java.util.SplittableRandom;

/** image -> text: {@code <caption><boi>image<eoi>caption<eos>}, the loss on the caption. */
public final class CaptionTask implements Task {

    /** Its tag. */
    public static final String TAG = "<caption>";
    public static final String NAME = "caption";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String tag() {
        return TAG;
    }

    @Override
    public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
        return sequences.caption(item.tokens(), item.caption());
    }
}
