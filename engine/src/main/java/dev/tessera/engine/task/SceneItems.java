package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.edit.SceneEdit;
import dev.tessera.engine.edit.SceneEdits;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Makes the items tasks read from generated scenes: each scene with its grid and, when a task
 * needs one ({@link Task#needsEdits}), an edit of it with its result's grid. A scene's edit is a
 * pure function of the scene (its generator's seed and its index), so a resumed run and an
 * evaluation see the edits an uninterrupted run would; the results are tokenized in one call,
 * apart from the scenes, so adding edits never changes the grids of the scenes themselves.
 */
public final class SceneItems {

    /** Mixed into a scene's seed to draw its edit. */
    private static final long EDIT_SALT = 0xED17_5CE9EL;

    private SceneItems() {
    }

    /** True when any of {@code tasks} reads edits. */
    public static boolean needEdits(Collection<Task> tasks) {
        return tasks.stream().anyMatch(Task::needsEdits);
    }

    /**
     * The items of {@code scenes} (drawn by {@code generator}) with their image tokens {@code grids}
     * (grids, or SeTok sets for a model that reads spans); with
     * {@code edits}, each also carries an edit, its result tokenized by {@code encode}. A scene
     * that allows no edit (four objects none of which can be named) carries none.
     */
    public static List<SceneItem> of(List<Scene> scenes, List<? extends ImageTokens> grids, boolean edits,
                                     SceneGenerator generator,
                                     Function<List<RgbImage>, List<TokenGrid>> encode) {
        if (scenes.size() != grids.size()) {
            throw new IllegalArgumentException("one grid per scene: got " + grids.size() + " for " + scenes.size());
        }
        List<SceneItem> items = new ArrayList<>(scenes.size());
        for (int i = 0; i < scenes.size(); i++) {
            items.add(new SceneItem(scenes.get(i), grids.get(i)));
        }
        if (!edits) {
            return items;
        }
        List<SceneEdit> drawn = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            Optional<SceneEdit> e = SceneEdits.drawAny(scenes.get(i), generator, editRandom(generator, scenes.get(i)));
            if (e.isPresent()) {
                drawn.add(e.get());
                at.add(i);
            }
        }
        if (drawn.isEmpty()) {
            return items;
        }
        List<TokenGrid> after = encode.apply(drawn.stream().map(e -> e.after().image()).toList());
        for (int k = 0; k < drawn.size(); k++) {
            int i = at.get(k);
            items.set(i, items.get(i).withEdit(new EditedImage(drawn.get(k), after.get(k))));
        }
        return items;
    }

    /** The random stream a scene's edit is drawn from. */
    static SplittableRandom editRandom(SceneGenerator generator, Scene scene) {
        return new SplittableRandom((generator.config().seed() ^ EDIT_SALT) * 0x9E3779B97F4A7C15L + scene.index());
    }
}
