package dev.tessera.engine.task;

import dev.tessera.engine.vocab.SpecialToken;

import java.util.SplittableRandom;

/**
 * Image reconstruction, ILLUME's first-stage task beside captioning (arXiv 2412.06673): the model
 * reads an image and writes the same image's ids again,
 * {@code <regenerate><boi>image<eoi><boi>image<eoi>}, the loss on the copy. In the first stage
 * only the image embedding, the image output matrix and the adapter learn, so the copy teaches
 * them to carry an image through a frozen language model and back out; it needs a context of
 * {@code 2 * (image ids + 2) + 1}.
 */
public final class RegenerateTask implements Task {

    public static final String NAME = "regenerate";
    public static final String TAG = "<regenerate>";

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
        return sequences.start(this).image(item.grid()).control(SpecialToken.BOI).target().imageIds(item.grid())
                .control(SpecialToken.EOI).build();
    }
}
