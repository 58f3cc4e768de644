package dev.tessera.magic;

import dev.tessera.engine.data.EvaluationSet;
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

    static final String USAGE = "Usage: %tessera evaluate [--model NAME|FOLDER]... [--tasks caption,answer] [--scenes "
            + Evaluations.DEFAULT_SCENES + "]\n"
            + "  --model   repeat it to compare up to " + Evaluations.MAX_MODELS + " models: unified-shapes32 (default, "
            + "shipped), a checkpoint folder, or last (trained last)\n"
            + "  --tasks   comma-separated: caption (attribute accuracy), answer (exact answers), generate (judged\n"
            + "            text-to-image, one image per prompt: about 10 s more per model), or any registered task\n"
            + "            with a text answer\n"
            + "  --scenes  held-out scenes to caption and question (1.." + EvaluationSet.MAX_IMAGES + "; "
            + Evaluations.DEFAULT_SCENES + " take a few seconds per model)";

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
        return USAGE;
    }
}
