package dev.tessera.engine.task;

import dev.tessera.engine.prompt.ScenePrompts;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The comparison arm of ILLUME's self-enhancement (arXiv 2412.06673): text-to-image pairs of the
 * prompts a {@link SelfAssessmentPool} assessed, each with its real image,
 * {@code <generate>prompt<boi>real<eoi>}, the loss on the image. Mixed in at the weight
 * {@link AssessTask} would have, it gives a run as many extra sequences over the same prompts and
 * real images, so that only the assessment differs. Like {@link AssessTask} it reads its pool,
 * not the stage's scene item.
 */
public final class RealPairsTask implements Task {

    public static final String NAME = "real-pairs";

    private final Supplier<SelfAssessmentPool> pool;

    /** Pairs from the shipped pool. */
    public RealPairsTask() {
        this(SelfAssessmentPool::shipped);
    }

    /** Pairs from {@code pool}, asked for when the first example is made. */
    public RealPairsTask(Supplier<SelfAssessmentPool> pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String tag() {
        return GenerateTask.TAG;
    }

    @Override
    public Set<String> words() {
        return ScenePrompts.words();
    }

    @Override
    public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
        SelfAssessmentPool p = pool.get();
        SelfAssessment a = p.draw(rng);
        return sequences.start(this).text(a.prompt()).control(SpecialToken.BOI).target().imageIds(p.grid(a.real()))
                .control(SpecialToken.EOI).build();
    }
}
