package dev.tessera.engine.data;

import dev.tessera.engine.image.RgbImage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic scene: the rendered image and the exact labels of every object in it.
 *
 * @param index   the scene's index in its generator's stream (with the seed, it reproduces the scene)
 * @param image   the rendered picture
 * @param objects every object, ordered top-to-bottom then left-to-right
 */
public record Scene(long index, RgbImage image, List<SceneObject> objects) {

    private static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four"};

    public Scene {
        objects = List.copyOf(objects);
    }

    /** The word for a count of 0..4 as captions and answers write it ("two"). */
    public static String numberWord(int n) {
        if (n < 0 || n >= NUMBER_WORDS.length) {
            throw new IllegalArgumentException("scenes count 0.." + (NUMBER_WORDS.length - 1) + " objects, got " + n);
        }
        return NUMBER_WORDS[n];
    }

    /** {@code phrase} after its indefinite article: "a red circle", "an orange square". */
    public static String withArticle(String phrase) {
        return ("aeiou".indexOf(Character.toLowerCase(phrase.charAt(0))) >= 0 ? "an " : "a ") + phrase;
    }

    /** How many objects the scene holds. */
    public int count() {
        return objects.size();
    }

    /**
     * A caption naming every object by colour and shape with counts, e.g.
     * "two red circles and an orange square". Groups appear in reading order of their first object.
     */
    public String caption() {
        return caption(objects.stream().map(o -> o.colour().word() + " " + o.shape().word()).toList());
    }

    /**
     * The caption of objects named "colour shape" in reading order, grouped with counts as
     * {@link #caption()} writes it; "nothing" for no objects. Anything that lists objects (a
     * judge's verdict, a prompt) captions them this way, so captions compare as strings.
     */
    public static String caption(List<String> names) {
        if (names.isEmpty()) {
            return "nothing";
        }
        Map<String, Integer> groups = new LinkedHashMap<>();
        names.forEach(name -> groups.merge(name, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        groups.forEach((name, n) -> parts.add(n == 1 ? withArticle(name)
                : (n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String.valueOf(n)) + " " + name + "s"));
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
