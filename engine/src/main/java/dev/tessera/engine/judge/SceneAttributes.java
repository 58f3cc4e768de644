package dev.tessera.engine.judge;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sets view of an image: how many objects, and which colours, shapes and 3x3 cells occur
 * at least once. For a generated scene these are its exact labels; a {@link JudgeVerdict}
 * gives the same view of what the judge sees.
 *
 * @param count     objects, 0 or more (a generated image may show none, or more than a scene holds)
 * @param colours   colours present
 * @param shapes    shapes present
 * @param positions cells holding at least one object's centre
 */
public record SceneAttributes(int count, Set<SceneColour> colours, Set<ShapeKind> shapes, Set<Position> positions) {

    public SceneAttributes {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        colours = frozen(colours, SceneColour.class);
        shapes = frozen(shapes, ShapeKind.class);
        positions = frozen(positions, Position.class);
    }

    /** The exact attributes of a generated scene. */
    public static SceneAttributes of(Scene scene) {
        Set<SceneColour> colours = EnumSet.noneOf(SceneColour.class);
        Set<ShapeKind> shapes = EnumSet.noneOf(ShapeKind.class);
        Set<Position> positions = EnumSet.noneOf(Position.class);
        for (SceneObject o : scene.objects()) {
            colours.add(o.colour());
            shapes.add(o.shape());
            positions.add(o.position());
        }
        return new SceneAttributes(scene.count(), colours, shapes, positions);
    }

    /** An unmodifiable enum set in declaration order, so equal sets print alike. */
    static <E extends Enum<E>> Set<E> frozen(Collection<E> items, Class<E> type) {
        Set<E> s = EnumSet.noneOf(type);
        s.addAll(items);
        return Collections.unmodifiableSet(s);
    }
}
