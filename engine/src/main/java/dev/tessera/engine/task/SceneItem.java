package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.tokenize.ImageTokens;
import dev.tessera.engine.tokenize.TokenGrid;

/**
 * One data item a {@link Task} turns into a sequence: the image tokenizer's grid of a picture and
 * its caption, and, for a generated scene, the scene itself (its picture and its exact labels:
 * every object's shape, colour, size and place). An item read from token shards on disk has the
 * grid and the caption only ({@link #captioned}), which the caption and text-to-image tasks need;
 * tasks that ask about the objects need the scene and say so. When a task needs one
 * ({@link Task#needsEdits}), a generated scene also carries an edit of it with its result's grid
 * ({@link SceneItems}).
 *
 * @param scene   the generated scene, or null for an item from token shards
 * @param tokens  the grid of ids
 * @param caption the picture's caption
 * @param edited  an edit of the scene with its result's grid, or null
 */
public record SceneItem(Scene scene, ImageTokens tokens, String caption, EditedImage edited) {

    public SceneItem {
        if (tokens == null || caption == null) {
            throw new IllegalArgumentException("a scene item needs its image tokens and its caption");
        }
    }

    /** A generated scene and its grid. */
    public SceneItem(Scene scene, ImageTokens tokens) {
        this(requireScene(scene), tokens, scene.caption(), null);
    }

    /** A grid and its caption without the scene (an item from token shards). */
    public static SceneItem captioned(ImageTokens tokens, String caption) {
        return new SceneItem(null, tokens, caption, null);
    }

    /** This item with {@code e}, an edit of its scene, and its result's grid. */
    public SceneItem withEdit(EditedImage e) {
        if (e.edit().before().index() != requireScene(scene).index()) {
            throw new IllegalArgumentException("the edit is of scene " + e.edit().before().index() + ", not of this item's "
                    + scene.index());
        }
        return new SceneItem(scene, tokens, caption, e);
    }

    /**
     * The edit of the scene with its result's grid; an item made without one (from shards, or for
     * a mix without an edit task) cannot train an edit.
     */
    @Override
    public EditedImage edited() {
        if (edited == null) {
            throw new IllegalStateException("this item carries no edit of its scene: edits are drawn for generated scenes "
                    + "when a task says it needs them (Task.needsEdits), and token shards hold none");
        }
        return edited;
    }

    /**
     * The image as a grid of ids: what tasks that write or edit images need. A SeTok span
     * (a model that reads images as dynamic tokens) has none: such a model only reads images.
     */
    public TokenGrid grid() {
        if (tokens instanceof TokenGrid g) {
            return g;
        }
        throw new IllegalArgumentException("this item's image is a SeTok span of " + tokens.count() + " tokens; only a grid "
                + "model writes or edits images, so train span models on reading tasks (caption, answer)");
    }

    /** True when the item carries an edit of its scene. */
    public boolean hasEdit() {
        return edited != null;
    }

    /** The generated scene; an item from token shards has none, and a task that needs its labels cannot use it. */
    @Override
    public Scene scene() {
        if (scene == null) {
            throw new IllegalStateException("this item came from token shards, which hold a grid and a caption but not the"
                    + " scene's objects; train tasks that need only the caption (caption, generate) on shards, or generated scenes");
        }
        return scene;
    }

    /** True when the item carries its generated scene (and so its labels). */
    public boolean hasScene() {
        return scene != null;
    }

    private static Scene requireScene(Scene scene) {
        if (scene == null) {
            throw new IllegalArgumentException("a scene item needs its scene; use SceneItem.captioned for a grid and a caption alone");
        }
        return scene;
    }
}
