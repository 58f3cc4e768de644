package dev.tessera.engine.prompt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * GenEval's six prompt categories, written in the scene grammar (shapes are the object
 * classes). Every prompt names every object the image must hold, as every training caption
 * names every object of its scene: "a circle" is one circle and nothing else.
 */
public enum PromptCategory {
    /** "a circle": one object of that shape, any colour. */
    SINGLE_OBJECT("single object"),
    /** "a circle and a square": two objects of two different shapes, any colours. */
    TWO_OBJECTS("two objects"),
    /** "three blue squares": that many objects, all of that colour and shape. */
    COUNTING("counting"),
    /** "a blue square": one object of that colour and shape. */
    COLOURS("colours"),
    /** "a red circle and a blue square": two objects, each colour bound to its shape. */
    COLOUR_ATTRIBUTION("colour attribution"),
    /** "a red circle left of a green triangle": two objects in that relation. */
    POSITION("position");

    private final String words;

    PromptCategory(String words) {
        this.words = words;
    }

    /** How tables name it ("colour attribution"). */
    public String words() {
        return words;
    }

    /** The command-line and JSON name ("colour-attribution"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category named {@code text} by {@link #id()}; a clear error lists them otherwise. */
    public static PromptCategory parse(String text) {
        return Arrays.stream(values()).filter(c -> c.id().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown prompt category '" + text + "': use one of "
                        + Arrays.stream(values()).map(PromptCategory::id).collect(Collectors.joining(", "))));
    }
}
