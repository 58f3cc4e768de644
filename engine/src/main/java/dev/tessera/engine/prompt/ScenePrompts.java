package dev.tessera.engine.prompt;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.ShapeKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The prompts of each {@link PromptCategory} in the scene grammar, and real scenes that show a
 * prompt. Two-object prompts name two different shapes (and, where colours are named, two
 * different colours), so that which object is which is never in doubt.
 */
public final class ScenePrompts {

    /** Scenes tried for a position prompt before giving up: a random layout shows the asked relation about a quarter of the time. */
    static final int MAX_LAYOUT_TRIES = 400;

    private ScenePrompts() {
    }

    /**
     * Every prompt of {@code category} for scenes of at most {@code maxObjects} objects (2..4;
     * it bounds the counting prompts), in a fixed order.
     */
    public static List<ScenePrompt> all(PromptCategory category, int maxObjects) {
        if (maxObjects < 2 || maxObjects > 4) {
            throw new IllegalArgumentException("maxObjects must be 2..4 (counting asks for two or more), got " + maxObjects);
        }
        List<ScenePrompt> out = new ArrayList<>();
        ShapeKind[] shapes = ShapeKind.values();
        SceneColour[] colours = SceneColour.values();
        switch (category) {
            case SINGLE_OBJECT -> {
                for (ShapeKind s : shapes) {
                    out.add(prompt(category, List.of(new WantedObject(null, s)), null));
                }
            }
            case TWO_OBJECTS -> {
                for (ShapeKind a : shapes) {
                    for (ShapeKind b : shapes) {
                        if (a != b) {
                            out.add(prompt(category, List.of(new WantedObject(null, a), new WantedObject(null, b)), null));
                        }
                    }
                }
            }
            case COUNTING -> {
                for (int n = 2; n <= maxObjects; n++) {
                    for (SceneColour c : colours) {
                        for (ShapeKind s : shapes) {
                            out.add(prompt(category, Collections.nCopies(n, new WantedObject(c, s)), null));
                        }
                    }
                }
            }
            case COLOURS -> {
                for (SceneColour c : colours) {
                    for (ShapeKind s : shapes) {
                        out.add(prompt(category, List.of(new WantedObject(c, s)), null));
                    }
                }
            }
            case COLOUR_ATTRIBUTION, POSITION -> {
                for (SceneColour ca : colours) {
                    for (ShapeKind sa : shapes) {
                        for (SceneColour cb : colours) {
                            for (ShapeKind sb : shapes) {
                                if (ca == cb || sa == sb) {
                                    continue;
                                }
                                List<WantedObject> two = List.of(new WantedObject(ca, sa), new WantedObject(cb, sb));
                                if (category == PromptCategory.POSITION) {
                                    for (Relation r : Relation.values()) {
                                        out.add(prompt(category, two, r));
                                    }
                                } else {
                                    out.add(prompt(category, two, null));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code n} prompts of {@code category}, drawn without repeats from a shuffle fixed by
     * {@code seed}; a category with fewer prompts than {@code n} goes round its shuffle again,
     * so every category gets the same number of prompts (and of images).
     */
    public static List<ScenePrompt> sample(PromptCategory category, int n, int maxObjects, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("ask for at least one prompt, got " + n);
        }
        List<ScenePrompt> pool = new ArrayList<>(all(category, maxObjects));
        Collections.shuffle(pool, new Random(seed * 31 + category.ordinal()));
        List<ScenePrompt> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pool.get(i % pool.size()));
        }
        return out;
    }

    /**
     * {@code count} real scenes that show {@code prompt}, exactly by their labels, drawn by
     * {@code generator} from scene index {@code from} on: the named objects laid out at random,
     * unnamed colours random, and for a position prompt the first layouts that show the relation.
     */
    public static List<Scene> realScenes(ScenePrompt prompt, SceneGenerator generator, long from, int count) {
        List<SceneColour> colours = prompt.objects().stream().map(WantedObject::colour).toList();
        List<ShapeKind> shapes = prompt.objects().stream().map(WantedObject::shape).toList();
        List<Scene> out = new ArrayList<>(count);
        long index = from;
        for (int k = 0; k < count; k++) {
            Scene scene = null;
            for (int tries = 0; tries < MAX_LAYOUT_TRIES && scene == null; tries++, index++) {
                Scene s = generator.sceneWith(index, colours, shapes);
                if (prompt.satisfiedBy(s)) {
                    scene = s;
                }
            }
            if (scene == null) {
                throw new IllegalStateException("no layout of " + generator.config().size() + "px scenes showed '" + prompt
                        + "' in " + MAX_LAYOUT_TRIES + " tries");
            }
            out.add(scene);
        }
        return out;
    }

    /**
     * A near miss of {@code prompt}: what an image that gets one thing wrong shows, so that real
     * scenes of it measure how often the judge wrongly passes such an image (the other half of a
     * ceiling: a judge that passed everything would reach 100% on real scenes too). Single object
     * and two objects: one object too many; counting: one more (one fewer at four); colours:
     * another colour; colour attribution: the colours swapped between the shapes; position: the
     * same objects in the opposite relation. Its real scenes never show {@code prompt} by their labels.
     */
    public static ScenePrompt nearMiss(ScenePrompt prompt) {
        List<WantedObject> o = prompt.objects();
        ShapeKind[] shapes = ShapeKind.values();
        SceneColour[] colours = SceneColour.values();
        List<WantedObject> miss = new ArrayList<>(o);
        Relation relation = null;
        switch (prompt.category()) {
            case SINGLE_OBJECT -> miss.add(new WantedObject(null, shapes[(o.get(0).shape().ordinal() + 1) % shapes.length]));
            case TWO_OBJECTS -> miss.add(o.get(0));
            case COUNTING -> {
                if (o.size() < 4) {
                    miss.add(o.get(0));
                } else {
                    miss.remove(0);
                }
            }
            case COLOURS -> miss.set(0, new WantedObject(colours[(o.get(0).colour().ordinal() + 1) % colours.length],
                    o.get(0).shape()));
            case COLOUR_ATTRIBUTION -> {
                miss.set(0, new WantedObject(o.get(1).colour(), o.get(0).shape()));
                miss.set(1, new WantedObject(o.get(0).colour(), o.get(1).shape()));
            }
            case POSITION -> relation = switch (prompt.relation()) {
                case LEFT_OF -> Relation.RIGHT_OF;
                case RIGHT_OF -> Relation.LEFT_OF;
                case ABOVE -> Relation.BELOW;
                case BELOW -> Relation.ABOVE;
            };
        }
        return new ScenePrompt(prompt.category(), "a near miss of '" + prompt.text() + "'", miss, relation);
    }

    /**
     * Every prompt of the grammar that {@code scene} shows exactly, one per category that
     * applies: a lone object gives a single-object and a colours prompt; two objects of
     * different shapes a two-objects prompt, and with different colours also a colour
     * attribution and a position prompt (the first object in reading order named first);
     * two or more objects alike a counting prompt. A scene of mixed objects beyond these
     * (three different ones) gives none: its caption is its only description.
     */
    public static List<ScenePrompt> describing(Scene scene) {
        List<dev.tessera.engine.data.SceneObject> o = scene.objects();
        List<ScenePrompt> out = new ArrayList<>();
        if (o.size() == 1) {
            out.add(prompt(PromptCategory.SINGLE_OBJECT, List.of(new WantedObject(null, o.get(0).shape())), null));
            out.add(prompt(PromptCategory.COLOURS, List.of(new WantedObject(o.get(0).colour(), o.get(0).shape())), null));
        } else if (o.size() == 2 && o.get(0).shape() != o.get(1).shape()) {
            out.add(prompt(PromptCategory.TWO_OBJECTS, List.of(new WantedObject(null, o.get(0).shape()),
                    new WantedObject(null, o.get(1).shape())), null));
            if (o.get(0).colour() != o.get(1).colour()) {
                List<WantedObject> two = List.of(new WantedObject(o.get(0).colour(), o.get(0).shape()),
                        new WantedObject(o.get(1).colour(), o.get(1).shape()));
                out.add(prompt(PromptCategory.COLOUR_ATTRIBUTION, two, null));
                out.add(prompt(PromptCategory.POSITION, two, Relation.between(o.get(0).x(), o.get(0).y(), o.get(1).x(),
                        o.get(1).y())));
            }
        } else if (o.size() >= 2 && o.stream().allMatch(x -> x.shape() == o.get(0).shape() && x.colour() == o.get(0).colour())) {
            out.add(prompt(PromptCategory.COUNTING, java.util.Collections.nCopies(o.size(),
                    new WantedObject(o.get(0).colour(), o.get(0).shape())), null));
        }
        return out;
    }

    /**
     * Every word the grammar's prompts use, in every category (scenes of up to four objects).
     * Listing every prompt takes tens of milliseconds, so it is done once.
     */
    public static java.util.Set<String> words() {
        return Words.ALL;
    }

    /** Holds the grammar's words, listed on first use. */
    private static final class Words {
        static final java.util.Set<String> ALL = list();
    }

    private static java.util.Set<String> list() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (PromptCategory c : PromptCategory.values()) {
            for (ScenePrompt p : all(c, 4)) {
                out.addAll(List.of(p.text().split(" ")));
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    private static ScenePrompt prompt(PromptCategory category, List<WantedObject> objects, Relation relation) {
        return new ScenePrompt(category, text(category, objects, relation), objects, relation);
    }

    private static String text(PromptCategory category, List<WantedObject> objects, Relation relation) {
        String first = Scene.withArticle(objects.get(0).words());
        return switch (category) {
            case SINGLE_OBJECT, COLOURS -> first;
            case COUNTING -> Scene.numberWord(objects.size()) + " " + objects.get(0).words() + "s";
            case TWO_OBJECTS, COLOUR_ATTRIBUTION -> first + " and " + Scene.withArticle(objects.get(1).words());
            case POSITION -> first + " " + relation.words() + " " + Scene.withArticle(objects.get(1).words());
        };
    }
}
