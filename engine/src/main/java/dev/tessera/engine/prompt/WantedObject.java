package dev.tessera.engine.prompt;

import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.ShapeKind;

/**
 * One object a prompt asks for: a shape, and a colour unless the prompt leaves it open.
 *
 * @param colour the colour asked for, or null for any
 * @param shape  the shape asked for
 */
public record WantedObject(SceneColour colour, ShapeKind shape) {

    public WantedObject {
        if (shape == null) {
            throw new IllegalArgumentException("a wanted object names its shape");
        }
    }

    /** True when {@code colour} and {@code shape} are what it asks for. */
    public boolean accepts(SceneColour c, ShapeKind s) {
        return shape == s && (colour == null || colour == c);
    }

    /** "blue square", or "square" when any colour will do. */
    public String words() {
        return colour == null ? shape.word() : colour.word() + " " + shape.word();
    }
}
