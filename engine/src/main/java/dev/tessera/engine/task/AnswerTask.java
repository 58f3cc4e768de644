package dev.tessera.engine.task;

import java.util.SplittableRandom;

/**
 * image + question -> answer: {@code <ask><boi>image<eoi>question<answer>answer<eos>}, the loss
 * on the answer; the question is drawn from {@link SceneQuestions}' templates.
 */
public final class AnswerTask implements Task {

    /** Its tag. */
    public static final String TAG = "<ask>";
    public static final String NAME = "answer";

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
        SceneQuestion q = SceneQuestions.draw(item.scene(), rng);
        return sequences.answer(item.tokens(), q.question(), q.answer());
    }
}
