package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.SceneItems;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SpecialToken;
import dev.tessera.engine.vocab.TokenKind;
import dev.tessera.engine.vocab.VocabularyLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How often a model writes exactly the target of a task, on held-out scenes (the held-out seed,
 * never trained on): each scene's example is cut at its target, the model continues the prompt
 * greedily, and the continuation must equal the target. Works for any {@link Task}, a user's as
 * well as Tessera's, so a new task is scored the way it is trained:
 * <ul>
 *   <li>a text answer must equal the target text;</li>
 *   <li>written-out image ids (UniCode's decompression: every level of each grid position, outside
 *       an image span) must equal the target ids one by one; {@code idAccuracy} says how many of
 *       them were right, the finer signal while the whole segment is still rarely exact.</li>
 * </ul>
 *
 * @param task       the task's name
 * @param scenes     held-out scenes scored
 * @param correct    exact answers
 * @param accuracy   {@code correct / scenes}
 * @param idAccuracy share of the target's ids written right at their place (text ids of a text
 *                   answer, up to its {@code <eos>}; image ids of written-out codes)
 * @param samples    the first few (expected, written) pairs, to look at (image ids as the codes of
 *                   each grid position, levels joined by {@code /})
 */
public record TaskAccuracy(String task, int scenes, int correct, double accuracy, double idAccuracy, List<Sample> samples) {

    /** Most scenes one evaluation scores. */
    public static final int MAX_SCENES = 4096;
    private static final int BATCH = 64;
    private static final int SAMPLES = 8;

    /** One scored example: the held-out scene's index, the expected answer, what the model wrote. */
    public record Sample(long scene, String expected, String written) {

        public boolean correct() {
            return expected.equals(written);
        }
    }

    public TaskAccuracy {
        samples = List.copyOf(samples);
    }

    /** Scores {@code task} on the first {@code count} held-out scenes of {@code model}'s kind. */
    public static TaskAccuracy evaluate(UnifiedModel model, Task task, int count) {
        if (count < 1 || count > MAX_SCENES) {
            throw new IllegalArgumentException("score 1.." + MAX_SCENES + " held-out scenes, got " + count);
        }
        SceneGenerator heldOut = new SceneGenerator(model.scenes(SceneConfig.HELD_OUT_SEED));
        SplittableRandom rng = new SplittableRandom(SceneConfig.HELD_OUT_SEED);
        int correct = 0;
        long idsRight = 0;
        long idsAsked = 0;
        List<Sample> samples = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            List<Scene> scenes = heldOut.scenes(from, Math.min(BATCH, count - from));
            List<? extends ImageTokens> grids = model.encodeImages(scenes.stream().map(Scene::image).toList());
            List<SceneItem> items = SceneItems.of(scenes, grids, task.needsEdits(), heldOut, model::encodeGrids);
            List<int[]> prompts = new ArrayList<>();
            List<int[]> expected = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) {
                TaskExample e = task.example(model.tasks(), items.get(i), rng);
                prompts.add(e.prompt());
                expected.add(answerIds(model, task, e));
            }
            boolean image = model.vocabulary().layout().kind(expected.get(0)[0]) == TokenKind.IMAGE;
            int longest = expected.stream().mapToInt(a -> a.length).max().orElseThrow();
            List<int[]> written = image ? model.completeImageIds(prompts, longest + 1) : model.completeTextIds(prompts);
            for (int i = 0; i < written.size(); i++) {
                int[] want = expected.get(i);
                int[] got = written.get(i);
                boolean exact = image ? Arrays.equals(want, got) : text(model, want).equals(text(model, got));
                correct += exact ? 1 : 0;
                idsRight += same(want, got);
                idsAsked += want.length;
                if (samples.size() < SAMPLES) {
                    samples.add(new Sample(scenes.get(i).index(), shown(model, want, image), shown(model, got, image)));
                }
            }
        }
        return new TaskAccuracy(task.name(), count, correct, (double) correct / count, (double) idsRight / idsAsked, samples);
    }

    /**
     * The target's ids up to {@code <eos>}: all text or all image ids; a target mixing the two (or
     * with none) is refused, since no exact continuation of one kind can be asked of the model.
     */
    private static int[] answerIds(UnifiedModel model, Task task, TaskExample e) {
        VocabularyLayout layout = model.vocabulary().layout();
        int[] target = e.target();
        int eos = layout.id(SpecialToken.EOS);
        int n = 0;
        while (n < target.length && target[n] != eos) {
            n++;
        }
        TokenKind first = n == 0 ? null : layout.kind(target[0]);
        for (int i = 0; i < n; i++) {
            if (layout.kind(target[i]) != first || first != TokenKind.TEXT && first != TokenKind.IMAGE) {
                throw new IllegalArgumentException("task " + task.name() + " does not answer in text or in written-out "
                        + "image ids alone, so it has no exact-answer accuracy; score it by its NLL instead");
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("task " + task.name() + " has an empty target, so it has no exact-answer "
                    + "accuracy; score it by its NLL instead");
        }
        return Arrays.copyOf(target, n);
    }

    private static int same(int[] want, int[] got) {
        int right = 0;
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            right += want[i] == got[i] ? 1 : 0;
        }
        return right;
    }

    private static String text(UnifiedModel model, int[] ids) {
        return model.vocabulary().decodeText(ids).trim();
    }

    /** Text as text; image ids as codes per grid position ({@code 12/40/3/7 ...}). */
    private static String shown(UnifiedModel model, int[] ids, boolean image) {
        if (!image) {
            return text(model, ids);
        }
        VocabularyLayout layout = model.vocabulary().layout();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : i % layout.imageLevels() == 0 ? " " : "/");
            sb.append(layout.kind(ids[i]) == TokenKind.IMAGE ? Integer.toString(layout.imageCode(ids[i])) : "?");
        }
        return sb.toString();
    }
}
