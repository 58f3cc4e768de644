package dev.tessera.engine.prompt;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.JudgedObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A text-to-image prompt and exactly what an image must show to be right for it: these
 * objects and no others, and, for {@link PromptCategory#POSITION}, the first in {@code relation}
 * to the second. GenEval's rule: an image counts only if everything the prompt asks is right.
 *
 * @param category what the prompt tests
 * @param text     the prompt as the model reads it ("a red circle left of a green triangle")
 * @param objects  every object the image must hold, in the order the text names them
 * @param relation how the first object lies relative to the second; null unless the category is position
 */
public record ScenePrompt(PromptCategory category, String text, List<WantedObject> objects, Relation relation) {

    /** An object as a check sees it: from a scene's exact labels or from the judge. */
    public record Seen(SceneColour colour, ShapeKind shape, double x, double y) {
    }

    public ScenePrompt {
        objects = List.copyOf(objects);
        if (objects.isEmpty() || objects.size() > 4) {
            throw new IllegalArgumentException("a prompt asks for 1..4 objects, got " + objects.size());
        }
        if ((relation != null) != (category == PromptCategory.POSITION) || relation != null && objects.size() != 2) {
            throw new IllegalArgumentException("exactly the position prompts relate two objects; got " + category
                    + " with " + objects.size() + " objects and relation " + relation);
        }
    }

    /** True when the scene's exact labels show what the prompt asks. */
    public boolean satisfiedBy(Scene scene) {
        return satisfiedBy(scene.objects().stream().map(ScenePrompt::seen).toList());
    }

    /** True when the judge sees what the prompt asks. */
    public boolean satisfiedBy(JudgeVerdict verdict) {
        return satisfiedBy(verdict.objects().stream().map(ScenePrompt::seen).toList());
    }

    /**
     * True when the objects are exactly the ones asked for (as many, each matched to one wanted
     * object) and, for a position prompt, the objects matched to the first and second stand in
     * the relation. Tries every matching, so the order of {@code seen} does not matter.
     */
    public boolean satisfiedBy(List<Seen> seen) {
        return seen.size() == objects.size() && match(seen, new ArrayList<>(), new boolean[seen.size()], true);
    }

    /**
     * True when the judge sees the prompt's objects and no others, whatever their relation: for a
     * position prompt, separates "drew the wrong objects" from "drew them in the wrong places".
     */
    public boolean objectsRight(JudgeVerdict verdict) {
        List<Seen> seen = verdict.objects().stream().map(ScenePrompt::seen).toList();
        return seen.size() == objects.size() && match(seen, new ArrayList<>(), new boolean[seen.size()], false);
    }

    private boolean match(List<Seen> seen, List<Seen> chosen, boolean[] used, boolean withRelation) {
        int k = chosen.size();
        if (k == objects.size()) {
            return !withRelation || relation == null || Relation.between(chosen.get(0).x(), chosen.get(0).y(),
                    chosen.get(1).x(), chosen.get(1).y()) == relation;
        }
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            if (!used[i] && objects.get(k).accepts(s.colour(), s.shape())) {
                used[i] = true;
                chosen.add(s);
                if (match(seen, chosen, used, withRelation)) {
                    return true;
                }
                chosen.remove(k);
                used[i] = false;
            }
        }
        return false;
    }

    private static Seen seen(SceneObject o) {
        return new Seen(o.colour(), o.shape(), o.x(), o.y());
    }

    private static Seen seen(JudgedObject o) {
        return new Seen(o.colour(), o.shape(), o.x(), o.y());
    }

    @Override
    public String toString() {
        return text;
    }
}
