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

    public StepLoss {
        tasks = tasks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }

    /** A step's losses without a per-task split. */
    public StepLoss(int step, double loss, double textNll, double imageNll) {
        this(step, loss, textNll, imageNll, Map.of());
    }
}
