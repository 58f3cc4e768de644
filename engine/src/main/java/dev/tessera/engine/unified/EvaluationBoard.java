package dev.tessera.engine.unified;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several models scored side by side on the same held-out scenes and the same tasks (what
 * {@link Evaluations#evaluate} returns and {@code %tessera evaluate} draws): one row per model,
 * so checkpoints of a run, or runs of different recipes, compare at a glance.
 *
 * @param tasks  the tasks scored, in the order asked: the accuracy columns
 * @param scenes held-out scenes each model captioned and questioned
 * @param models one row per model, in the order asked
 */
public record EvaluationBoard(List<String> tasks, int scenes, List<ModelEvaluation> models) {

    public EvaluationBoard {
        tasks = List.copyOf(tasks);
        models = List.copyOf(models);
    }

    @Override
    public String toString() {
        return models.size() + (models.size() == 1 ? " model" : " models") + " on " + scenes + " held-out scenes: "
                + models.stream().map(ModelEvaluation::toString).collect(Collectors.joining("; "));
    }
}
