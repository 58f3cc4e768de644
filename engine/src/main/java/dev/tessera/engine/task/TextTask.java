package dev.tessera.engine.task;

import dev.tessera.engine.text.TextCorpus;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.SplittableRandom;

/**
 * text only: {@code <text>passage<eos>}, the loss on the whole passage. The text-pretraining task
 * of the {@code teal} curriculum (TEAL, arXiv 2311.04589, freezes a language model that already
 * knows text; here the model learns that text first). Half the passages are real English
 * ({@link TextCorpus#fortunes()}: a random fortune, or a random window of a long one), half the
 * scene's own text (its caption, a question and its answer), so the model also knows the words
 * the image tasks use.
 */
public final class TextTask implements Task {

    /** Its tag. */
    public static final String TAG = "<text>";
    public static final String NAME = "text";
    /** Most characters of one passage; longer fortunes give a random window cut at spaces. */
    public static final int MAX_CHARS = 240;
    /** Most text ids of one passage (the rest is cut): keeps a sequence inside a 128-position context. */
    public static final int MAX_IDS = 120;

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
        String passage;
        if (rng.nextBoolean()) {
            SceneQuestion q = SceneQuestions.draw(item.scene(), rng);
            passage = item.scene().caption() + " " + q.question() + " " + q.answer();
        } else {
            java.util.List<String> train = TextCorpus.fortunes().train();
            passage = window(train.get(rng.nextInt(train.size())), rng);
        }
        int[] ids = sequences.vocabulary().encodeText(passage);
        if (ids.length > MAX_IDS) {
            ids = java.util.Arrays.copyOf(ids, MAX_IDS);
        }
        return sequences.start(this).target().textIds(ids).control(SpecialToken.EOS).build();
    }

    /** {@code text}, or a window of at most {@link #MAX_CHARS} characters of it starting and ending at spaces. */
    static String window(String text, SplittableRandom rng) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int from = rng.nextInt(text.length() - MAX_CHARS + 1);
        int space = text.indexOf(' ', from);
        from = space < 0 || space > from + MAX_CHARS / 2 ? from : space + 1;
        int to = Math.min(text.length(), from + MAX_CHARS);
        int last = text.lastIndexOf(' ', to);
        if (to < text.length() && last > from + MAX_CHARS / 2) {
            to = last;
        }
        return text.substring(from, to).strip();
    }
}
