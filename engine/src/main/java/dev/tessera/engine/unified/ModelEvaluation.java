package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One model's row of an {@link EvaluationBoard}: its accuracy on each task asked for, its
 * held-out NLL, and a few of the captions, answers and images behind the numbers, so a reader
 * can see what a score means before trusting it.
 *
 * @param model     the model as it was named: the shipped name, a checkpoint folder, or {@value UnifiedModels#LAST}
 * @param accuracy  accuracy per task, in the order asked: {@code caption} is the caption attribute
 *                  accuracy, {@code answer} the exact answers, {@code generate} the judged
 *                  text-to-image share, any registered task its {@link TaskAccuracy exact answers}
 * @param heldOut   captions, answers and text/image NLL on the board's held-out scenes, with the
 *                  judged text-to-image results when {@code generate} was asked
 * @param tasks     the registered tasks' scores with their samples, in the order asked
 * @param captions  the first held-out captions, to look at (when {@code caption} was asked)
 * @param answers   the first held-out answers, to look at (when {@code answer} was asked)
 * @param generated one judged image for a few prompts (when {@code generate} was asked)
 * @param seconds   wall time of this model's evaluation (loading not included)
 */
public record ModelEvaluation(String model, Map<String, Double> accuracy, UnifiedReport heldOut, List<TaskAccuracy> tasks,
                              List<CaptionSample> captions, List<AnswerSample> answers, List<GeneratedSample> generated,
                              double seconds) {

    /**
     * A held-out caption with the scene's true one.
     *
     * @param caption  what the model wrote, with the image and sequence
     * @param expected the scene's own caption
     * @param exact    every attribute (count, colours, shapes) read back right
     */
    public record CaptionSample(Caption caption, String expected, boolean exact) {
    }

    /**
     * A held-out answer with the exact one.
     *
     * @param answer   the question, what the model answered, the image and sequence
     * @param template the question's template ({@code count}, {@code position}, ...)
     * @param expected the answer that follows from the scene's labels
     */
    public record AnswerSample(Answer answer, String template, String expected) {

        public boolean correct() {
            return expected.equals(answer.text());
        }
    }

    /**
     * An image drawn for a prompt and the judge's verdict on it.
     *
     * @param prompt        "a red circle left of a green triangle"
     * @param image         the decoded image
     * @param judgedCorrect the judge sees everything the prompt asks
     * @param judgeSaw      what the judge sees, as a caption ("two red circles")
     */
    public record GeneratedSample(String prompt, RgbImage image, boolean judgedCorrect, String judgeSaw) {
    }

    public ModelEvaluation {
        accuracy = Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
        tasks = List.copyOf(tasks);
        captions = List.copyOf(captions);
        answers = List.copyOf(answers);
        generated = List.copyOf(generated);
    }

    /** Mean NLL of text targets on the held-out scenes. */
    public double textNll() {
        return heldOut.textNll();
    }

    /** Mean NLL of image targets on the held-out scenes. */
    public double imageNll() {
        return heldOut.imageNll();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(model).append(':');
        accuracy.forEach((task, v) -> sb.append(' ').append(task).append(String.format(Locale.ROOT, " %.1f%%,", 100 * v)));
        return sb.append(String.format(Locale.ROOT, " text NLL %.3f, image NLL %.3f (%.1f s)", textNll(), imageNll(), seconds))
                .toString();
    }
}
