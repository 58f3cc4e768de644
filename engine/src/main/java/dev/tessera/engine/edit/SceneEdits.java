package dev.tessera.engine.edit;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws edits of a scene with their exact results. An instruction names an object so that only
 * one object fits the name: by its shape alone when it is the only one of that shape ("the
 * circle"), by colour and shape otherwise ("the red circle"); an object two others share both
 * with cannot be named, and no edit names it. Recolouring keeps every object where it is;
 * removing keeps the others; adding puts one new object of the generator's sizes in the named
 * 3x3 cell where it keeps the generator's gap to every other object.
 */
public final class SceneEdits {

    /** Placements tried for an added object before its cell counts as full. */
    static final int PLACEMENT_TRIES = 400;

    private SceneEdits() {
    }

    /**
     * An edit of {@code kind} of {@code scene}, drawn from {@code rng}, or empty when the scene
     * allows none of that kind (nothing to remove from a lone object, no room or no fifth object
     * to add, no object that can be named).
     */
    public static Optional<SceneEdit> draw(Scene scene, EditKind kind, SceneGenerator generator, SplittableRandom rng) {
        List<Integer> nameable = nameable(scene.objects());
        return switch (kind) {
            case RECOLOUR -> {
                if (nameable.isEmpty()) {
                    yield Optional.empty();
                }
                int i = nameable.get(rng.nextInt(nameable.size()));
                SceneObject o = scene.objects().get(i);
                SceneColour[] colours = SceneColour.values();
                SceneColour to = colours[(o.colour().ordinal() + 1 + rng.nextInt(colours.length - 1)) % colours.length];
                List<SceneObject> after = new ArrayList<>(scene.objects());
                after.set(i, new SceneObject(o.shape(), to, o.large(), o.x(), o.y(), o.radius(), o.position()));
                yield Optional.of(new SceneEdit(kind, "make " + name(scene.objects(), i) + " " + to.word(), scene,
                        generator.drawn(scene.index(), after)));
            }
            case REMOVE -> {
                if (scene.count() < 2 || nameable.isEmpty()) {
                    yield Optional.empty();
                }
                int i = nameable.get(rng.nextInt(nameable.size()));
                List<SceneObject> after = new ArrayList<>(scene.objects());
                after.remove(i);
                yield Optional.of(new SceneEdit(kind, "remove " + name(scene.objects(), i), scene,
                        generator.drawn(scene.index(), after)));
            }
            case ADD -> add(scene, generator, rng);
        };
    }

    /**
     * An edit of any kind the scene allows, the kind drawn uniformly from those that do: how edit
     * training data is drawn, every kind equally often where it can be. Empty only when the scene
     * allows no edit at all (four objects none of which can be named).
     */
    public static Optional<SceneEdit> drawAny(Scene scene, SceneGenerator generator, SplittableRandom rng) {
        List<EditKind> kinds = new ArrayList<>(List.of(EditKind.values()));
        while (!kinds.isEmpty()) {
            EditKind kind = kinds.remove(rng.nextInt(kinds.size()));
            Optional<SceneEdit> e = draw(scene, kind, generator, rng);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    /** Every word an edit instruction may use: a model trained on edits reads them. */
    public static java.util.Set<String> words() {
        java.util.Set<String> out = new java.util.TreeSet<>(List.of("make", "remove", "add", "the", "a", "an", "at"));
        for (SceneColour c : SceneColour.values()) {
            out.add(c.word());
        }
        for (ShapeKind k : ShapeKind.values()) {
            out.add(k.word());
        }
        for (Position p : Position.values()) {
            out.addAll(List.of(p.words().split(" ")));
        }
        return java.util.Set.copyOf(out);
    }

    private static Optional<SceneEdit> add(Scene scene, SceneGenerator generator, SplittableRandom rng) {
        if (scene.count() >= 4) {
            return Optional.empty();
        }
        int size = generator.config().size();
        ShapeKind shape = ShapeKind.values()[rng.nextInt(ShapeKind.values().length)];
        SceneColour colour = SceneColour.values()[rng.nextInt(SceneColour.values().length)];
        Position[] cells = Position.values();
        int first = rng.nextInt(cells.length);
        for (int k = 0; k < cells.length; k++) {
            Position cell = cells[(first + k) % cells.length];
            int col = cell.ordinal() % 3;
            int row = cell.ordinal() / 3;
            for (int t = 0; t < PLACEMENT_TRIES; t++) {
                boolean large = t < PLACEMENT_TRIES / 2 && rng.nextBoolean();
                double r = size * (large ? 0.15 + 0.04 * rng.nextDouble() : 0.10 + 0.02 * rng.nextDouble());
                double x = (col + rng.nextDouble()) * size / 3.0;
                double y = (row + rng.nextDouble()) * size / 3.0;
                if (x - r < 1 || y - r < 1 || x + r > size - 1 || y + r > size - 1 || Position.of(x, y, size) != cell
                        || !SceneGenerator.fits(scene.objects(), x, y, r)) {
                    continue;
                }
                List<SceneObject> after = new ArrayList<>(scene.objects());
                after.add(new SceneObject(shape, colour, large, x, y, r, cell));
                String what = Scene.withArticle(colour.word() + " " + shape.word());
                return Optional.of(new SceneEdit(EditKind.ADD, "add " + what + " at the " + cell.words(), scene,
                        generator.drawn(scene.index(), after)));
            }
        }
        return Optional.empty();
    }

    /** Indices of the objects an instruction can name unambiguously. */
    static List<Integer> nameable(List<SceneObject> objects) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (name(objects, i) != null) {
                out.add(i);
            }
        }
        return out;
    }

    /** "the circle" when it is the only circle, "the red circle" when the only red one; null when neither is unique. */
    static String name(List<SceneObject> objects, int i) {
        SceneObject o = objects.get(i);
        long sameShape = objects.stream().filter(x -> x.shape() == o.shape()).count();
        if (sameShape == 1) {
            return "the " + o.shape().word();
        }
        long same = objects.stream().filter(x -> x.shape() == o.shape() && x.colour() == o.colour()).count();
        return same == 1 ? "the " + o.colour().word() + " " + o.shape().word() : null;
    }
}
