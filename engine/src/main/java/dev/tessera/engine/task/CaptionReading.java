package dev.tessera.engine.task;

import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A caption read back into counts per colour and per shape, so a generated caption can be
 * scored attribute by attribute against a scene's exact labels (the caption grammar is the
 * one {@link Scene#caption()} writes: "two red circles, a blue square and a green triangle").
 *
 * @param objects objects named in total
 * @param colours objects per colour
 * @param shapes  objects per shape
 */
public record CaptionReading(int objects, Map<SceneColour, Integer> colours, Map<ShapeKind, Integer> shapes) {

    public CaptionReading {
        colours = Map.copyOf(colours);
        shapes = Map.copyOf(shapes);
    }

    /** The exact reading of a scene's labels. */
    public static CaptionReading of(Scene scene) {
        Map<SceneColour, Integer> colours = new EnumMap<>(SceneColour.class);
        Map<ShapeKind, Integer> shapes = new EnumMap<>(ShapeKind.class);
        for (SceneObject o : scene.objects()) {
            colours.merge(o.colour(), 1, Integer::sum);
            shapes.merge(o.shape(), 1, Integer::sum);
        }
        return new CaptionReading(scene.count(), colours, shapes);
    }

    /** The reading of {@code caption}, or empty when it does not follow the caption grammar. */
    public static Optional<CaptionReading> parse(String caption) {
        String text = caption.trim().toLowerCase(Locale.ROOT).replace(" and ", ", ");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Map<SceneColour, Integer> colours = new EnumMap<>(SceneColour.class);
        Map<ShapeKind, Integer> shapes = new EnumMap<>(ShapeKind.class);
        int objects = 0;
        for (String part : text.split(", ")) {
            String[] w = part.trim().split(" ");
            if (w.length != 3) {
                return Optional.empty();
            }
            int n = number(w[0]);
            SceneColour colour = colour(w[1]);
            ShapeKind shape = shape(n == 1 ? w[2] : w[2].endsWith("s") ? w[2].substring(0, w[2].length() - 1) : "");
            if (n < 1 || colour == null || shape == null) {
                return Optional.empty();
            }
            colours.merge(colour, n, Integer::sum);
            shapes.merge(shape, n, Integer::sum);
            objects += n;
        }
        return Optional.of(new CaptionReading(objects, colours, shapes));
    }

    private static int number(String w) {
        if (w.equals("a") || w.equals("an")) {
            return 1;
        }
        for (int n = 2; n <= 4; n++) {
            if (Scene.numberWord(n).equals(w)) {
                return n;
            }
        }
        return -1;
    }

    private static SceneColour colour(String w) {
        for (SceneColour c : SceneColour.values()) {
            if (c.word().equals(w)) {
                return c;
            }
        }
        return null;
    }

    private static ShapeKind shape(String w) {
        for (ShapeKind s : ShapeKind.values()) {
            if (s.word().equals(w)) {
                return s;
            }
        }
        return null;
    }
}
