package dev.tessera.engine.task;

import java.util.SplittableRandom;

/**
 * text -> image: {@code <generate>prompt<boi>image<eoi>}, the loss on the image. A share of the
 * prompts is dropped (an empty prompt): the unconditional examples classifier-free guidance needs.
 *
 * @param promptDropout chance that an example gets an empty prompt, in [0, 1)
 */
public record GenerateTask(double promptDropout) implements Task {

    /** Its tag. */
    public static final String TAG = "<generate>";
    public static final String NAME = "generate";
    /** The shipped recipes' prompt dropout. */
    public static final double DEFAULT_DROPOUT = 0.1;

    public GenerateTask {
        if (!(promptDropout >= 0) || promptDropout >= 1) {
            throw new IllegalArgumentException("promptDropout must be in [0, 1), got " + promptDropout);
        }
    }

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
        String prompt = rng.nextDouble() < promptDropout ? "" : item.caption();
        return sequences.generate(prompt, item.grid());
    }
}
