package dev.tessera.engine.task;

import java.util.SplittableRandom;

/**
 * How often each task appears in training, and how often a text-to-image prompt is dropped
 * (the unconditional examples that classifier-free guidance needs).
 *
 * @param caption       weight of captioning
 * @param generate      weight of text-to-image
 * @param answer        weight of question answering
 * @param promptDropout chance that a text-to-image example gets an empty prompt
 */
public record TaskMix(double caption, double generate, double answer, double promptDropout) {

    public TaskMix {
        if (caption < 0 || generate < 0 || answer < 0 || caption + generate + answer <= 0) {
            throw new IllegalArgumentException("task weights must be >= 0 with a positive sum, got caption=" + caption
                    + " generate=" + generate + " answer=" + answer);
        }
        if (promptDropout < 0 || promptDropout >= 1) {
            throw new IllegalArgumentException("promptDropout must be in [0, 1), got " + promptDropout);
        }
    }

    /** All three tasks equally, 10% unconditional text-to-image examples. */
    public static TaskMix balanced() {
        return new TaskMix(1, 1, 1, 0.1);
    }

    public TaskKind draw(SplittableRandom rng) {
        double r = rng.nextDouble() * (caption + generate + answer);
        if (r < caption) {
            return TaskKind.CAPTION;
        }
        return r < caption + generate ? TaskKind.GENERATE : TaskKind.ANSWER;
    }
}
