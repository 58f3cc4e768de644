package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SharedVocabulary;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out the three tasks as id sequences of the shared vocabulary, for training (prompt +
 * target) and for inference (prompt only), so both always agree on the format.
 */
public final class SceneTasks {

    private final SharedVocabulary vocab;

    public SceneTasks(SharedVocabulary vocab) {
        this.vocab = vocab;
    }

    public SharedVocabulary vocabulary() {
        return vocab;
    }

    /** {@code <caption><boi>image<eoi>}: what the model continues with a caption. */
    public int[] captionPrompt(TokenGrid grid) {
        return concat(tag(SpecialToken.CAPTION), image(grid));
    }

    /** {@code <generate>prompt<boi>}: what the model continues with an image ("" = unconditional). */
    public int[] generatePrompt(String prompt) {
        return concat(tag(SpecialToken.GENERATE), vocab.encodeText(prompt), tag(SpecialToken.BOI));
    }

    /** {@code <ask><boi>image<eoi>question<answer>}: what the model continues with an answer. */
    public int[] answerPrompt(TokenGrid grid, String question) {
        return concat(tag(SpecialToken.ASK), image(grid), vocab.encodeText(question), tag(SpecialToken.ANSWER));
    }

    public TaskExample caption(TokenGrid grid, String caption) {
        int[] prompt = captionPrompt(grid);
        return new TaskExample(TaskKind.CAPTION, concat(prompt, vocab.encodeText(caption), tag(SpecialToken.EOS)),
                prompt.length);
    }

    public TaskExample generate(String prompt, TokenGrid grid) {
        int[] p = generatePrompt(prompt);
        return new TaskExample(TaskKind.GENERATE, concat(p, vocab.encodeImage(grid), tag(SpecialToken.EOI)), p.length);
    }

    public TaskExample answer(TokenGrid grid, String question, String answer) {
        int[] prompt = answerPrompt(grid, question);
        return new TaskExample(TaskKind.ANSWER, concat(prompt, vocab.encodeText(answer), tag(SpecialToken.EOS)),
                prompt.length);
    }

    /** The example of {@code kind} for a scene and its tokens; {@code rng} draws the question or the prompt dropout. */
    public TaskExample example(TaskKind kind, Scene scene, TokenGrid grid, TaskMix mix, SplittableRandom rng) {
        return switch (kind) {
            case CAPTION -> caption(grid, scene.caption());
            case GENERATE -> generate(rng.nextDouble() < mix.promptDropout() ? "" : scene.caption(), grid);
            case ANSWER -> {
                SceneQuestion q = SceneQuestions.draw(scene, rng);
                yield answer(grid, q.question(), q.answer());
            }
        };
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

    private int[] image(TokenGrid grid) {
        return concat(tag(SpecialToken.BOI), vocab.encodeImage(grid), tag(SpecialToken.EOI));
    }

    private static int[] concat(int[]... parts) {
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
