package dev.tessera.engine.semantic;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.judge.Degradation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two views of one scene for the contrastive loss: the same objects (shape, colour, size class)
 * redrawn with each moved by at most {@code maxShift} pixels and its size changed by at most
 * {@code radiusJitter} of itself, then blurred with a little noise with probability
 * {@code degraded}. What the views share is what the scene is; what differs is what the encoder
 * should learn to ignore. No caption, question or label is read: only the drawing parameters the
 * generator already holds. Colours are never changed (colour is part of what a scene is, unlike in
 * photographs, where SimCLR jitters it), and corners are never rounded (a square stays a square).
 *
 * @param maxShift     largest move of an object's centre along each axis, pixels (0..2)
 * @param radiusJitter largest relative change of an object's size (0..0.2)
 * @param degraded     probability that a view is blurred and noised, in [0, 1]
 */
public record SemanticViews(double maxShift, double radiusJitter, double degraded) {

    public SemanticViews {
        if (!(maxShift >= 0 && maxShift <= 2) || !(radiusJitter >= 0 && radiusJitter <= 0.2)
                || !(degraded >= 0 && degraded <= 1)) {
            throw new IllegalArgumentException("views need maxShift in 0..2 px, radiusJitter in 0..0.2 and degraded in "
                    + "[0, 1], got " + maxShift + ", " + radiusJitter + ", " + degraded);
        }
    }

    /** Moves of up to 1 px, sizes within 5%, half the views blurred: the shipped encoder's views. */
    public static SemanticViews standard() {
        return new SemanticViews(1.0, 0.05, 0.5);
    }

    /** Both views the drawn scene itself: nothing to learn but the scene's identity (for tests). */
    public static SemanticViews none() {
        return new SemanticViews(0, 0, 0);
    }

    /** Tries to place a moved object before it keeps its place. */
    static final int TRIES = 8;

    /** One view of {@code scene}, drawn by {@code generator} (the generator of its size) with {@code rng}. */
    public RgbImage view(SceneGenerator generator, Scene scene, SplittableRandom rng) {
        RgbImage image = moved(generator, scene, rng).image();
        return rng.nextDouble() < degraded ? Degradation.blurred(image, rng) : image;
    }

    /**
     * A hard negative of {@code scene}: one object, chosen at random, drawn with another shape at
     * the same place, size and colour. Set beside the true second view, it makes "which scene is
     * this" depend on the shapes, which colours and places alone would otherwise answer: in a
     * batch of random scenes, colour and layout tell scenes apart, so a plain contrastive loss
     * learns little of shape. The object list is read only to redraw it; no caption or question is.
     */
    public RgbImage reshaped(SceneGenerator generator, Scene scene, SplittableRandom rng) {
        List<SceneObject> objects = new ArrayList<>(moved(generator, scene, rng).objects());
        int k = rng.nextInt(objects.size());
        SceneObject o = objects.get(k);
        ShapeKind[] kinds = ShapeKind.values();
        ShapeKind other = kinds[(o.shape().ordinal() + 1 + rng.nextInt(kinds.length - 1)) % kinds.length];
        objects.set(k, new SceneObject(other, o.colour(), o.large(), o.x(), o.y(), o.radius(), o.position()));
        RgbImage image = generator.drawn(scene.index(), objects).image();
        return rng.nextDouble() < degraded ? Degradation.blurred(image, rng) : image;
    }

    /** {@code scene} with its objects moved and resized within the limits, every other attribute kept. */
    public Scene moved(SceneGenerator generator, Scene scene, SplittableRandom rng) {
        if (maxShift == 0 && radiusJitter == 0) {
            return scene;
        }
        int size = generator.config().size();
        List<SceneObject> placed = new ArrayList<>();
        for (int i = 0; i < scene.objects().size(); i++) {
            SceneObject o = scene.objects().get(i);
            SceneObject next = o;
            List<SceneObject> others = new ArrayList<>(placed);
            others.addAll(scene.objects().subList(i + 1, scene.objects().size()));
            for (int t = 0; t < TRIES; t++) {
                double x = o.x() + maxShift * (2 * rng.nextDouble() - 1);
                double y = o.y() + maxShift * (2 * rng.nextDouble() - 1);
                double r = o.radius() * (1 + radiusJitter * (2 * rng.nextDouble() - 1));
                if (x - r >= 0 && y - r >= 0 && x + r <= size && y + r <= size && SceneGenerator.fits(others, x, y, r)) {
                    next = new SceneObject(o.shape(), o.colour(), o.large(), x, y, r, Position.of(x, y, size));
                    break;
                }
            }
            placed.add(next);
        }
        return generator.drawn(scene.index(), placed);
    }
}
