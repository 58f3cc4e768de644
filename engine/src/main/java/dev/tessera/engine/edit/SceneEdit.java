package dev.tessera.engine.edit;

import dev.tessera.engine.data.Scene;

/**
 * One edit with its exact result.
 *
 * @param kind        what it asks
 * @param instruction the instruction as the model reads it ("make the red circle blue")
 * @param before      the scene it edits
 * @param after       the scene the instruction asks for, drawn by the same generator: the target
 */
public record SceneEdit(EditKind kind, String instruction, Scene before, Scene after) {

    @Override
    public String toString() {
        return before.caption() + " --[" + instruction + "]-> " + after.caption();
    }
}
