package dev.tessera.engine.task;

import java.util.SplittableRandom;

/**
 * A pretraining task: how one data item (a scene with its exact labels and its image tokens)
 * becomes one training sequence of the shared vocabulary, with the part the loss is taken on.
 * Tessera's own tasks ({@link CaptionTask}, {@link GenerateTask}, {@link AnswerTask}) implement
 * it exactly as a user's would, so a new task (a notebook cell, or a class on the classpath)
 * trains through the same {@code Stage} and curriculum runner without touching Tessera's source:
 * register it with {@link Tasks#register} and name it in a stage's task mix.
 *
 * <p>A sequence opens with the task's tag. Built-in tags are {@code <caption>}, {@code <generate>}
 * and {@code <ask>}; a task that names a new tag (e.g. {@code <colours>}) gets one of the model's
 * spare control ids when a stage first trains it (see {@code VocabularyLayout#MAX_TASK_TAGS}).
 */
public interface Task {

    /** The task's name, unique among registered tasks: how stages and the training board name it. */
    String name();

    /** The control token that opens its sequences, written {@code <name>}. */
    String tag();

    /**
     * The training sequence for {@code item}, laid out with {@code sequences} (which knows the
     * vocabulary and this task's tag id); {@code rng} draws any choice the task makes (a question
     * template, a dropped prompt). Only draw from {@code rng}: a step's batch must be a pure
     * function of the seed and the step, or a resumed run would not repeat an uninterrupted one.
     */
    TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng);

    /**
     * Words the task writes into its texts beyond the scene captions and questions every model
     * knows ("above", "of"): a model that trains on the task learns them, and its prompts may then
     * use them. Most tasks write no new words.
     */
    default java.util.Set<String> words() {
        return java.util.Set.of();
    }

    /**
     * True when the task's examples read an edit of the item's scene ({@link SceneItem#edited}),
     * e.g. {@link EditTask}: whoever makes the items then draws one per generated scene and
     * tokenizes its result ({@link SceneItems}).
     */
    default boolean needsEdits() {
        return false;
    }
}
