package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.tokenize.TokenGrid;

/**
 * One data item a {@link Task} turns into a sequence: a generated scene (its picture and its
 * exact labels: every object's shape, colour, size and place) and the image tokenizer's grid of it.
 */
public record SceneItem(Scene scene, TokenGrid tokens) {

    public SceneItem {
        if (scene == null || tokens == null) {
            throw new IllegalArgumentException("a scene item needs its scene and its image tokens");
        }
    }
}
