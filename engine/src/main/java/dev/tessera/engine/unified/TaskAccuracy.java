package dev.tessera.engine.unified;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.task.SceneItem;
import dev.tessera.engine.task.Task;
import dev.tessera.engine.task.TaskExample;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How often a model writes exactly the target of a task with a text answer, on held-out scenes
 * (the held-out seed, never trained on): each scene's example is cut at its target, the model
 * continues the prompt greedily, and the continuation must equal the target text. Works for any
 * {@link Task}, a user's as well as Tessera's, so a new task is scored the way it is trained.
 *
 * @param task     the task's name
 * @param scenes   held-out scenes scored
 * @param correct  exact answers
 * @param accuracy {@code correct / scenes}
 * @param samples  the first few (expected, written) pairs, to look at
 */
public record TaskAccuracy(String task, int scenes, int correct, double accuracy, List<Sample> samples) {

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
        List<Sample> samples = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            List<Scene> scenes = heldOut.scenes(from, Math.min(BATCH, count - from));
            List<TokenGrid> grids = model.imageTokenizer().encode(scenes.stream().map(Scene::image).toList());
            List<int[]> prompts = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) {
                TaskExample e = task.example(model.tasks(), new SceneItem(scenes.get(i), grids.get(i)), rng);
                prompts.add(e.prompt());
                expected.add(targetText(model, task, e));
            }
            List<String> written = model.completeText(prompts);
            for (int i = 0; i < written.size(); i++) {
                Sample s = new Sample(scenes.get(i).index(), expected.get(i), written.get(i));
                correct += s.correct() ? 1 : 0;
                if (samples.size() < SAMPLES) {
                    samples.add(s);
                }
            }
        }
        return new TaskAccuracy(task.name(), count, correct, (double) correct / count, samples);
    }

    /** The target's text (its text ids up to {@code <eos>}); a target with image ids is refused. */
    private static String targetText(UnifiedModel model, Task task, TaskExample e) {
        int[] target = e.target();
        int n = 0;
        while (n < target.length && model.vocabulary().layout().kind(target[n]) == TokenKind.TEXT) {
            n++;
        }
        if (n == 0 || n < target.length && model.vocabulary().layout().kind(target[n]) == TokenKind.IMAGE) {
            throw new IllegalArgumentException("task " + task.name() + " does not answer in text, so it has no exact-answer "
                    + "accuracy; score it by its NLL instead");
        }
        return model.vocabulary().decodeText(java.util.Arrays.copyOf(target, n)).trim();
    }
}
