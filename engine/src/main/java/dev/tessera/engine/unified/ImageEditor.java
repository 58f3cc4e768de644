package dev.tessera.engine.unified;

import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.lm.SamplingConfig;
import dev.tessera.engine.task.EditTask;
import dev.tessera.engine.tokenize.TokenGrid;
import dev.tessera.engine.vocab.SpecialToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Edits images by instruction with a model trained on ILLUME's editing task ({@link EditTask},
 * arXiv 2412.06673): the model reads {@code <edit>instruction<boi>image<eoi><boi>} and writes the
 * edited image's ids. What {@code %tessera edit} calls, and what {@link EditEvaluation} judges.
 * Editing has no unconditional prompt to guide against, so guidance is refused.
 */
public final class ImageEditor {

    private ImageEditor() {
    }

    /** Edits {@code picture} by {@code instruction}. */
    public static Edit edit(UnifiedModel model, RgbImage picture, String instruction, SamplingConfig sampling) {
        return edit(model, List.of(picture), List.of(instruction), sampling).get(0);
    }

    /**
     * Edits each picture by its instruction, in one batch. Pictures of another size are
     * centre-cropped and resized; instructions may use only words the model trained on.
     */
    public static List<Edit> edit(UnifiedModel model, List<RgbImage> pictures, List<String> instructions,
                                  SamplingConfig sampling) {
        if (pictures.size() != instructions.size()) {
            throw new IllegalArgumentException("one instruction per image: got " + pictures.size() + " images and "
                    + instructions.size() + " instructions");
        }
        return editGrids(model, model.fit(pictures), null, instructions, sampling);
    }

    /**
     * As {@link #edit}, from pictures already of the model's size and (when not null) their grids:
     * an evaluation encodes its scenes once.
     */
    static List<Edit> editGrids(UnifiedModel model, List<RgbImage> pictures, List<TokenGrid> grids,
                                List<String> instructions, SamplingConfig sampling) {
        model.imageTokenizer();  // a model that reads SeTok spans writes no image: say so first
        checkCanEdit(model);
        if (sampling.cfgScale() != 1) {
            throw new IllegalArgumentException("editing has no unconditional prompt to guide against; use --cfg 1 (got "
                    + sampling.cfgScale() + ")");
        }
        long start = System.nanoTime();
        List<TokenGrid> before = grids != null ? grids : model.imageTokenizer().encode(pictures);
        EditTask task = new EditTask();
        int[][] prompts = new int[pictures.size()][];
        List<String> read = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            String instruction = model.checkPrompt(instructions.get(i), "instruction");
            prompts[i] = task.prompt(model.tasks(), before.get(i), instruction);
            int needs = model.positions(prompts[i]) + model.imagePositions() + 1;
            if (needs > model.transformer().config().context()) {
                throw new IllegalArgumentException("the instruction '" + instruction + "' is too long: the edit needs "
                        + needs + " positions and the model's context holds " + model.transformer().config().context()
                        + "; write a shorter one, such as \"make the circle blue\"");
            }
            read.add(instruction);
        }
        int[][] out = model.writeImages(prompts, sampling, null);
        List<TokenGrid> after = Arrays.stream(out).map(model.vocabulary()::decodeImage).toList();
        List<RgbImage> drawn = model.imageTokenizer().decode(after);
        int eoi = model.vocabulary().id(SpecialToken.EOI);
        double ms = (System.nanoTime() - start) / 1e6 / prompts.length;
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            int[] ids = Arrays.copyOf(prompts[i], prompts[i].length + out[i].length + 1);
            System.arraycopy(out[i], 0, ids, prompts[i].length, out[i].length);
            ids[ids.length - 1] = eoi;
            edits.add(new Edit(pictures.get(i), read.get(i), drawn.get(i), before.get(i), after.get(i),
                    model.vocabulary().decode(ids), sampling, ms));
        }
        return edits;
    }

    /** True when {@code model} trained on the edit task (its tag is bound). */
    public static boolean canEdit(UnifiedModel model) {
        return model.vocabulary().layout().taskTags().contains(EditTask.TAG);
    }

    private static void checkCanEdit(UnifiedModel model) {
        if (!canEdit(model)) {
            throw new IllegalArgumentException("this model never trained on the edit task, so it cannot edit images; use "
                    + "the shipped " + UnifiedCheckpoint.ILLUME + " (--model " + UnifiedCheckpoint.ILLUME + "), or train a "
                    + "curriculum whose stage mixes the edit task (the shipped illume curriculum does)");
        }
    }
}
