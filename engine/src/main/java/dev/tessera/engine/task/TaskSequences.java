package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SharedVocabulary;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out tasks as id sequences of the shared vocabulary, for training (prompt + target) and
 * for inference (prompt only), so both always agree on the format. The built-in tasks' layouts
 * are methods here; any {@link Task} writes its own with {@link #start(Task)}:
 *
 * <pre>{@code
 * sequences.start(task).image(item.tokens()).text("how many different colours are there?")
 *          .control(SpecialToken.ANSWER).target().text("two").control(SpecialToken.EOS).build();
 * }</pre>
 */
public final class TaskSequences {

    private final SharedVocabulary vocab;

    public TaskSequences(SharedVocabulary vocab) {
        this.vocab = vocab;
    }

    /** A sequence of {@code task}, opened by its tag. */
    public SequenceBuilder start(Task task) {
        return new SequenceBuilder(vocab, task.name()).id(tagId(task));
    }

    /**
     * The id of {@code task}'s tag: a built-in tag's control id, or the spare id bound to a new tag
     * (an error naming the fix when the model has not bound it).
     */
    public int tagId(Task task) {
        return vocab.layout().tagId(task.tag());
    }

    public SharedVocabulary vocabulary() {
        return vocab;
    }

    /** {@code <caption><boi>image<eoi>}: what the model continues with a caption. */
    public int[] captionPrompt(ImageTokens grid) {
        return concat(tag(SpecialToken.CAPTION), image(grid));
    }

    /** {@code <generate>prompt<boi>}: what the model continues with an image ("" = unconditional). */
    public int[] generatePrompt(String prompt) {
        return concat(tag(SpecialToken.GENERATE), vocab.encodeText(prompt), tag(SpecialToken.BOI));
    }

    /** {@code <ask><boi>image<eoi>question<answer>}: what the model continues with an answer. */
    public int[] answerPrompt(ImageTokens grid, String question) {
        return concat(tag(SpecialToken.ASK), image(grid), vocab.encodeText(question), tag(SpecialToken.ANSWER));
    }

    /** {@code <caption><boi>image<eoi>caption<eos>}: the {@link CaptionTask} example. */
    public TaskExample caption(ImageTokens grid, String caption) {
        int[] prompt = captionPrompt(grid);
        return new TaskExample(CaptionTask.NAME, concat(prompt, vocab.encodeText(caption), tag(SpecialToken.EOS)),
                prompt.length);
    }

    /** {@code <generate>prompt<boi>image<eoi>}: the {@link GenerateTask} example. */
    public TaskExample generate(String prompt, TokenGrid grid) {
        int[] p = generatePrompt(prompt);
        return new TaskExample(GenerateTask.NAME, concat(p, vocab.encodeImage(grid), tag(SpecialToken.EOI)), p.length);
    }

    /** {@code <ask><boi>image<eoi>question<answer>answer<eos>}: the {@link AnswerTask} example. */
    public TaskExample answer(ImageTokens grid, String question, String answer) {
        int[] prompt = answerPrompt(grid, question);
        return new TaskExample(AnswerTask.NAME, concat(prompt, vocab.encodeText(answer), tag(SpecialToken.EOS)),
                prompt.length);
    }

    /**
     * The text the tasks use, drawn from {@code count} scenes of {@code scenes}: every caption and
     * every well-defined question with its answer. The text tokenizer is trained on it.
     */
    public static List<String> corpus(SceneConfig scenes, int count) {
        SceneGenerator g = new SceneGenerator(scenes);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scene s = g.scene(i);
            out.add(s.caption());
            for (SceneQuestion q : SceneQuestions.all(s)) {
                out.add(q.question());
                out.add(q.answer());
            }
        }
        return out;
    }

    private int[] tag(SpecialToken t) {
        return new int[] {vocab.id(t)};
    }

    private int[] image(ImageTokens grid) {
        return concat(tag(SpecialToken.BOI), vocab.encodeImage(grid), tag(SpecialToken.EOI));
    }

    static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
