package dev.tessera.engine.prompt;

import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.judge.JudgeVerdict;
import dev.tessera.engine.judge.JudgedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An assessment of one (prompt, image) pair, as ILLUME's self-enhancing alignment writes it
 * (arXiv 2412.06673): whether the image is aligned with the prompt, aspect by aspect (object,
 * count, colour, position), with a short rationale in words the model can read and write.
 * Aligned means everything the prompt asks and nothing more ({@link ScenePrompt#satisfiedBy});
 * the aspects say what went wrong:
 * <ul>
 *   <li><b>count</b>: as many objects as asked;</li>
 *   <li><b>objects</b>: every shape asked is there (each wanted object matched to a different seen one);</li>
 *   <li><b>colours</b>: every wanted object is there in its colour, on its own shape;</li>
 *   <li><b>position</b>: for a position prompt whose objects are right, the relation holds (with
 *       wrong objects the relation cannot be told, and only the other aspects are blamed).</li>
 * </ul>
 *
 * @param prompt    the prompt
 * @param seen      what the image shows, as a caption ("a red circle and a blue square")
 * @param aligned   everything the prompt asks, nothing more
 * @param count     as many objects as asked
 * @param objects   every shape asked is there
 * @param colours   every wanted object is there in its colour
 * @param position  the relation holds, or cannot be told, or none is asked
 * @param rationale one sentence: "yes, it shows ..." or "no, it shows ...: the count is wrong"
 */
public record Assessment(ScenePrompt prompt, String seen, boolean aligned, boolean count, boolean objects,
                         boolean colours, boolean position, String rationale) {

    /** Assesses the image whose objects {@code verdict} lists (the assessor's, or the judge's, reading). */
    public static Assessment of(ScenePrompt prompt, JudgeVerdict verdict) {
        List<JudgedObject> seen = verdict.objects();
        boolean aligned = prompt.satisfiedBy(verdict);
        boolean count = seen.size() == prompt.objects().size();
        boolean objects = covers(seen, prompt.objects(), false);
        boolean colours = covers(seen, prompt.objects(), true);
        boolean position = prompt.relation() == null || !prompt.objectsRight(verdict) || aligned;
        String caption = verdict.caption();
        List<String> wrong = new ArrayList<>();
        if (!count) {
            wrong.add(seen.size() > prompt.objects().size() ? "too many objects" : "too few objects");
        }
        if (!objects) {
            wrong.add("a shape is wrong");
        } else if (!colours) {
            wrong.add("a colour is wrong");
        }
        if (!position) {
            wrong.add("the position is wrong");
        }
        String rationale = aligned ? "yes, it shows " + caption : "no, it shows " + caption + ": " + String.join(", ", wrong);
        return new Assessment(prompt, caption, aligned, count, objects, colours, position, rationale);
    }

    /** Every word a rationale may use: a model trained on assessments reads and writes them. */
    public static Set<String> words() {
        Set<String> out = new TreeSet<>(ScenePrompts.words());
        out.addAll(List.of("yes", "no", "it", "shows", "nothing", "too", "many", "few", "objects", "shape", "is", "wrong",
                "colour", "the", "position"));
        return Set.copyOf(out);
    }

    /** True when each wanted object can be matched to a different seen one of its shape (and colour). */
    private static boolean covers(List<JudgedObject> seen, List<WantedObject> wanted, boolean withColour) {
        return cover(seen, wanted, withColour, 0, new boolean[seen.size()]);
    }

    private static boolean cover(List<JudgedObject> seen, List<WantedObject> wanted, boolean withColour, int k,
                                 boolean[] used) {
        if (k == wanted.size()) {
            return true;
        }
        WantedObject w = wanted.get(k);
        for (int i = 0; i < seen.size(); i++) {
            JudgedObject o = seen.get(i);
            ShapeKind shape = o.shape();
            if (!used[i] && shape == w.shape() && (!withColour || w.colour() == null || w.colour() == o.colour())) {
                used[i] = true;
                if (cover(seen, wanted, withColour, k + 1, used)) {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }
}
