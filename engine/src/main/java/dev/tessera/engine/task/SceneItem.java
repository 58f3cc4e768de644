package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.tokenize.TokenGrid;

/**
 * One data item a {@link Task} turns into a sequence: the image tokenizer's grid of a picture and
 * its caption, and, for a generated scene, the scene itself (its picture and its exact labels:
 * every object's shape, colour, size and place). An item read from token shards on disk has the
 * grid and the caption only ({@link #captioned}), which the caption and text-to-image tasks need;
 * tasks that ask about the objects need the scene and say so.
 *
 * @param scene   the generated scene, or null for an item from token shards
 * @param tokens  the grid of ids
 * @param caption the picture's caption
 */
public record SceneItem(Scene scene, TokenGrid tokens, String caption) {

    public SceneItem {
        if (tokens == null || caption == null) {
            throw new IllegalArgumentException("a scene item needs its image tokens and its caption");
        }
    }

    /** A generated scene and its grid. */
    public SceneItem(Scene scene, TokenGrid tokens) {
        this(requireScene(scene), tokens, scene.caption());
    }

    /** A grid and its caption without the scene (an item from token shards). */
    public static SceneItem captioned(TokenGrid tokens, String caption) {
        return new SceneItem(null, tokens, caption);
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
