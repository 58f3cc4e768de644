package dev.tessera.engine.judge;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.ShapeKind;

/**
 * One object the judge sees in an image, with how sure it is of each part.
 *
 * @param colour            most likely fill colour
 * @param shape             most likely shape
 * @param x                 centre column in pixels
 * @param y                 centre row in pixels
 * @param position          the 3x3 cell of the centre, as captions say it
 * @param presence          probability that an object's centre lies in the cell it was found in
 * @param colourProbability softmax probability of {@code colour}
 * @param shapeProbability  softmax probability of {@code shape}
 */
public record JudgedObject(SceneColour colour, ShapeKind shape, double x, double y, Position position,
                           double presence, double colourProbability, double shapeProbability) {

    /** "red circle". */
    public String name() {
        return colour.word() + " " + shape.word();
    }

    @Override
    public String toString() {
        return String.format("%s at %s (%.1f, %.1f; p=%.2f)", name(), position.words(), x, y, presence);
    }
}
