package dev.tessera.engine.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The losses of one training step: the mean NLL over all target ids, separately over text
 * (and control) targets and image targets, so the two modalities can be watched apart, and over
 * each task's targets. A part is NaN when the step's batch had no target of that kind (a batch of
 * captions and answers only has no image target): a missing value, never a perfect score of 0,
 * and charts leave a gap there. A task absent from the batch is absent from {@code tasks}.
 *
 * @param tasks mean target NLL per task name (empty in histories written before it was recorded)
 */
public record StepLoss(int step, double loss, double textNll, double imageNll, Map<String, Double> tasks) {

    /** Prefix of a task's loss among a {@link TrainingProgress}'s parts, e.g. {@code task:caption}. */
    public static final String TASK_PART = "task:";

    public StepLoss {
        tasks = tasks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }

    /** A step's losses without a per-task split. */
    public StepLoss(int step, double loss, double textNll, double imageNll) {
        this(step, loss, textNll, imageNll, Map.of());
    }

    /** The losses a unified trainer's progress report carries ("text", "image", "task:NAME" parts). */
    public static StepLoss from(TrainingProgress p) {
        return from(p.step(), p);
    }

    /** As {@link #from(TrainingProgress)}, numbered {@code step} (e.g. counted across a curriculum's stages). */
    public static StepLoss from(int step, TrainingProgress p) {
        Map<String, Double> tasks = new LinkedHashMap<>();
        p.parts().forEach((k, v) -> {
            if (k.startsWith(TASK_PART)) {
                tasks.put(k.substring(TASK_PART.length()), v);
            }
        });
        return new StepLoss(step, p.loss(), p.parts().getOrDefault("text", Double.NaN),
                p.parts().getOrDefault("image", Double.NaN), tasks);
    }
}
