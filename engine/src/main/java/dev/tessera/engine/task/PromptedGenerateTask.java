package dev.tessera.engine.task;

import dev.tessera.engine.prompt.ScenePrompt;
import dev.tessera.engine.prompt.ScenePrompts;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Text-to-image over the prompt grammar's phrasings: {@code <generate>prompt<boi>image<eoi>},
 * the loss on the image, where the prompt is one of the GenEval-category prompts the scene
 * shows exactly ({@link ScenePrompts#describing}: "a circle", "a red circle left of a blue
 * square", "three blue squares") or, when the scene has none or with chance
 * {@code captionShare}, its caption. It trains the phrasings {@code GenerationEvaluation}
 * asks for, which captions alone never show (colours left open, relations). A share of the
 * prompts is dropped, as in {@link GenerateTask}, for classifier-free guidance; it shares
 * {@value GenerateTask#TAG}, so a model trained on either draws from the same prompt.
 *
 * @param promptDropout chance of an empty prompt, in [0, 1)
 * @param captionShare  chance of the caption even when the grammar has a prompt, in [0, 1]
 */
public record PromptedGenerateTask(double promptDropout, double captionShare) implements Task {

    public static final String NAME = "generate-prompts";
    /** The registered task's share of captions: a quarter, so captions stay the model's most common prompt form. */
    public static final double DEFAULT_CAPTION_SHARE = 0.25;

    public PromptedGenerateTask {
        new GenerateTask(promptDropout);
        if (!(captionShare >= 0 && captionShare <= 1)) {
            throw new IllegalArgumentException("captionShare must be in [0, 1], got " + captionShare);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String tag() {
        return GenerateTask.TAG;
    }

    /** Every word of every prompt of the grammar: a model trained on this task reads them in prompts. */
    @Override
    public java.util.Set<String> words() {
        return ScenePrompts.words();
    }

    @Override
    public TaskExample example(TaskSequences sequences, SceneItem item, SplittableRandom rng) {
        if (rng.nextDouble() < promptDropout) {
            return sequences.generate("", item.grid());
        }
        List<ScenePrompt> prompts = item.hasScene() ? ScenePrompts.describing(item.scene()) : List.of();
        boolean caption = prompts.isEmpty() || rng.nextDouble() < captionShare;
        return sequences.generate(caption ? item.caption() : prompts.get(rng.nextInt(prompts.size())).text(), item.grid());
    }
}
