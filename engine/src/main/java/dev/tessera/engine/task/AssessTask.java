package dev.tessera.engine.task;

import dev.tessera.engine.prompt.Assessment;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * ILLUME's self-assessment dialogues (arXiv 2412.06673), mixed into supervised fine-tuning: the
 * model reads a prompt and an image it drew for it and writes the assessor's verdict with its
 * rationale. An aligned drawing is one turn,
 * {@code <assess>prompt<boi>drawn<eoi>yes, it shows ...<eos>}; a misaligned one two, the
 * assessment and then the correction, a real image of the prompt:
 * {@code <assess>prompt<boi>drawn<eoi>no, it shows ...: a colour is wrong<generate><boi>real<eoi>}.
 * The loss is on the assessment and the correction. The dialogues come from a
 * {@link SelfAssessmentPool} made beforehand (the shipped one unless another is given), so every
 * run of a comparison trains on the same ones; the scene item a stage passes is not read, and the
 * dialogue is drawn from {@code rng}.
 */
public final class AssessTask implements Task {

    public static final String NAME = "assess";
    public static final String TAG = "<assess>";

    private final Supplier<SelfAssessmentPool> pool;

    /** Dialogues from the shipped pool. */
    public AssessTask() {
        this(SelfAssessmentPool::shipped);
    }

    /** Dialogues from {@code pool}, asked for when the first example is made. */
    public AssessTask(Supplier<SelfAssessmentPool> pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String tag() {
        return TAG;
    }

    /** The rationales' words and the prompts'. */
    @Override
    public Set<String> words() {
        return Assessment.words();
    }

    /** {@code <assess>prompt<boi>image<eoi>}: what the model continues with its assessment. */
    public int[] prompt(TaskSequences sequences, String prompt, TokenGrid image) {
        return sequences.start(this).text(prompt).image(image).prompt();
    }

    @Override
    public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
        SelfAssessmentPool p = pool.get();
        SelfAssessment a = p.draw(rng);
        SequenceBuilder s = sequences.start(this).text(a.prompt()).image(p.grid(a.drawn())).target().text(a.rationale());
        if (a.aligned()) {
            return s.control(SpecialToken.EOS).build();
        }
        return s.control(SpecialToken.GENERATE).control(SpecialToken.BOI).imageIds(p.grid(a.real()))
                .control(SpecialToken.EOI).build();
    }
}
