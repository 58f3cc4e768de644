package dev.tessera.engine.data;

/**
 * One object of a synthetic scene with its exact labels.
 *
 * @param shape    circle, square or triangle
 * @param colour   fill colour
 * @param large    true for the large size class, false for small
 * @param x        centre column in pixels
 * @param y        centre row in pixels
 * @param radius   radius of the circle that bounds the object, in pixels
 * @param position the 3x3 cell of the centre
 */
public record SceneObject(ShapeKind shape, SceneColour colour, boolean large, double x, double y,
                          double radius, Position position) {

    /** "large red circle" style description. */
    public String describe() {
        return (large ? "large " : "small ") + colour.word() + " " + shape.word();
    }
}
