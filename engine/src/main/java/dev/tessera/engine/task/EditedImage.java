package dev.tessera.engine.task;

import dev.tessera.engine.edit.SceneEdit;
import dev.tessera.engine.tokenize.TokenGrid;

/**
 * An edit of an item's scene with the image tokenizer's grid of its exact result: what an
 * {@link EditTask} example asks ({@code edit.instruction()}) and must write ({@code tokens}).
 *
 * @param edit   the instruction with the scenes before and after
 * @param tokens the grid of {@code edit.after()}'s picture
 */
public record EditedImage(SceneEdit edit, TokenGrid tokens) {

    public EditedImage {
        if (edit == null || tokens == null) {
            throw new IllegalArgumentException("an edited image needs its edit and the grid of its result");
        }
    }
}
