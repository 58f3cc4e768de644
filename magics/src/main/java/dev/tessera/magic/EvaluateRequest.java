package dev.tessera.magic;

import dev.tessera.engine.unified.Evaluations;

import java.util.List;

/**
 * {@code %tessera evaluate [--model NAME|FOLDER ...] [--tasks caption,answer] [--scenes 64]}:
 * several models scored side by side on the same held-out scenes; one call of
 * {@link Evaluations#evaluate}.
 *
 * @param models models in the order to show them
 * @param tasks  tasks to score, the accuracy columns in this order
 * @param scenes held-out scenes each model captions and answers
 */
public record EvaluateRequest(List<String> models, List<String> tasks, int scenes) implements Magic {

    public EvaluateRequest {
        models = List.copyOf(models);
        tasks = List.copyOf(tasks);
        Evaluations.check(models, tasks, scenes);
    }

    @Override
    public Object execute() {
        return Evaluations.evaluate(models, tasks, scenes);
    }

    @Override
    public String usage() {
        return MagicParser.usageFor("evaluate");
    }
}
