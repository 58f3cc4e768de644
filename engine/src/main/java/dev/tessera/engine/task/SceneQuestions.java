package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Questions about a synthetic scene whose answers follow exactly from its labels: counts
 * ("how many red shapes are there?"), attributes of a unique object ("what colour is the
 * triangle?"), presence ("is there a blue square?") and position ("where is the green circle?").
 * A template is only used where its answer is well defined (e.g. "the triangle" needs exactly one).
 */
public final class SceneQuestions {

    /** Template names, as reported per template by evaluations. */
    public static final List<String> TEMPLATES = List.of("count", "count-colour", "count-shape", "colour-of-shape",
            "shape-of-colour", "presence", "position");

    private SceneQuestions() {
    }

    /** Every question that has a well-defined answer for {@code scene}, one per template and subject. */
    public static List<SceneQuestion> all(Scene scene) {
        List<SceneQuestion> out = new ArrayList<>();
        out.add(new SceneQuestion("count", "how many shapes are there?", Scene.numberWord(scene.count())));
        for (SceneColour c : SceneColour.values()) {
            out.add(new SceneQuestion("count-colour", "how many " + c.word() + " shapes are there?",
                    Scene.numberWord(count(scene, o -> o.colour() == c))));
        }
        for (ShapeKind s : ShapeKind.values()) {
            out.add(new SceneQuestion("count-shape", "how many " + s.word() + "s are there?",
                    Scene.numberWord(count(scene, o -> o.shape() == s))));
            SceneObject only = unique(scene, o -> o.shape() == s);
            if (only != null) {
                out.add(new SceneQuestion("colour-of-shape", "what colour is the " + s.word() + "?", only.colour().word()));
            }
        }
        for (SceneColour c : SceneColour.values()) {
            SceneObject only = unique(scene, o -> o.colour() == c);
            if (only != null) {
                out.add(new SceneQuestion("shape-of-colour", "what shape is the " + c.word() + " one?", only.shape().word()));
            }
        }
        for (SceneColour c : SceneColour.values()) {
            for (ShapeKind s : ShapeKind.values()) {
                int n = count(scene, o -> o.colour() == c && o.shape() == s);
                out.add(new SceneQuestion("presence", "is there " + Scene.withArticle(c.word() + " " + s.word()) + "?", n > 0 ? "yes" : "no"));
                SceneObject only = unique(scene, o -> o.colour() == c && o.shape() == s);
                if (only != null) {
                    out.add(new SceneQuestion("position", "where is the " + c.word() + " " + s.word() + "?",
                            only.position().words()));
                }
            }
        }
        return out;
    }

    /**
     * One question drawn by template first (uniformly among the templates that apply), then by
     * subject; presence questions are drawn half "yes", half "no" where both exist.
     */
    public static SceneQuestion draw(Scene scene, SplittableRandom rng) {
        List<SceneQuestion> all = all(scene);
        List<String> templates = all.stream().map(SceneQuestion::template).distinct().toList();
        String template = templates.get(rng.nextInt(templates.size()));
        List<SceneQuestion> pool = all.stream().filter(q -> q.template().equals(template)).toList();
        if (template.equals("presence")) {
            boolean yes = rng.nextBoolean();
            List<SceneQuestion> side = pool.stream().filter(q -> q.answer().equals(yes ? "yes" : "no")).toList();
            if (!side.isEmpty()) {
                pool = side;
            }
        }
        return pool.get(rng.nextInt(pool.size()));
    }

    private static int count(Scene scene, Predicate<SceneObject> p) {
        return (int) scene.objects().stream().filter(p).count();
    }

    private static SceneObject unique(Scene scene, Predicate<SceneObject> p) {
        List<SceneObject> hits = scene.objects().stream().filter(p).toList();
        return hits.size() == 1 ? hits.get(0) : null;
    }
}
