package dev.tessera.engine.judge;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.ShapeKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the judge reads from one image: the most likely object count, the colours, shapes and
 * cells whose probability exceeds one half, and every probability behind them.
 *
 * @param count                  most likely object count, 1..4
 * @param colours                colours judged present
 * @param shapes                 shapes judged present
 * @param positions              3x3 cells judged occupied
 * @param countProbabilities     softmax over counts; element {@code i} is the probability of {@code i + 1} objects
 * @param colourProbabilities    presence probability of every colour
 * @param shapeProbabilities     presence probability of every shape
 * @param positionProbabilities  occupancy probability of every cell
 */
public record JudgeVerdict(int count, Set<SceneColour> colours, Set<ShapeKind> shapes, Set<Position> positions,
                           List<Double> countProbabilities, Map<SceneColour, Double> colourProbabilities,
                           Map<ShapeKind, Double> shapeProbabilities, Map<Position, Double> positionProbabilities) {

    public JudgeVerdict {
        colours = SceneAttributes.frozen(colours, SceneColour.class);
        shapes = SceneAttributes.frozen(shapes, ShapeKind.class);
        positions = SceneAttributes.frozen(positions, Position.class);
        countProbabilities = List.copyOf(countProbabilities);
        colourProbabilities = frozen(colourProbabilities, SceneColour.class);
        shapeProbabilities = frozen(shapeProbabilities, ShapeKind.class);
        positionProbabilities = frozen(positionProbabilities, Position.class);
    }

    /**
     * Decodes one row of {@value JudgeHeads#SIZE} logits laid out as {@link JudgeHeads} says:
     * count by argmax of the softmax (the first of equal ones), presence where the logit is
     * positive (probability above one half).
     */
    public static JudgeVerdict fromLogits(float[] logits) {
        if (logits.length != JudgeHeads.SIZE) {
            throw new IllegalArgumentException("a verdict decodes " + JudgeHeads.SIZE + " logits, got " + logits.length);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < JudgeHeads.COUNTS; i++) {
            max = Math.max(max, logits[i]);
        }
        double[] e = new double[JudgeHeads.COUNTS];
        double sum = 0;
        int best = 0;
        for (int i = 0; i < JudgeHeads.COUNTS; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        List<Double> counts = new ArrayList<>(JudgeHeads.COUNTS);
        for (double v : e) {
            counts.add(v / sum);
        }
        Map<SceneColour, Double> colourP = probabilities(logits, JudgeHeads.COLOUR_OFFSET, SceneColour.class);
        Map<ShapeKind, Double> shapeP = probabilities(logits, JudgeHeads.SHAPE_OFFSET, ShapeKind.class);
        Map<Position, Double> positionP = probabilities(logits, JudgeHeads.POSITION_OFFSET, Position.class);
        return new JudgeVerdict(best + 1, present(logits, JudgeHeads.COLOUR_OFFSET, SceneColour.class),
                present(logits, JudgeHeads.SHAPE_OFFSET, ShapeKind.class),
                present(logits, JudgeHeads.POSITION_OFFSET, Position.class), counts, colourP, shapeP, positionP);
    }

    /** Count, colours, shapes and positions as one value, comparable with {@link SceneAttributes#of}. */
    public SceneAttributes attributes() {
        return new SceneAttributes(count, colours, shapes, positions);
    }

    /**
     * True when the image shows exactly these colours and exactly these shapes: how an image
     * generated for a prompt such as "a red circle" is scored ({@code Set.of(RED), Set.of(CIRCLE)}).
     */
    public boolean matches(Set<SceneColour> wantedColours, Set<ShapeKind> wantedShapes) {
        return colours.equals(wantedColours) && shapes.equals(wantedShapes);
    }

    /** As {@link #matches(Set, Set)}, and the image also holds exactly {@code wantedCount} objects. */
    public boolean matches(int wantedCount, Set<SceneColour> wantedColours, Set<ShapeKind> wantedShapes) {
        return count == wantedCount && matches(wantedColours, wantedShapes);
    }

    /** Probability of the chosen count. */
    public double countConfidence() {
        return countProbabilities.get(count - 1);
    }

    @Override
    public String toString() {
        return count + (count == 1 ? " object" : " objects") + "; colours " + words(colours, SceneColour::word)
                + "; shapes " + words(shapes, ShapeKind::word) + "; at " + words(positions, Position::words)
                + String.format(" (count p=%.2f)", countConfidence());
    }

    private static <E> String words(Set<E> items, java.util.function.Function<E, String> word) {
        return items.isEmpty() ? "none" : items.stream().map(word).collect(Collectors.joining(", "));
    }

    private static <E extends Enum<E>> Map<E, Double> frozen(Map<E, Double> m, Class<E> type) {
        Map<E, Double> copy = new EnumMap<>(type);
        copy.putAll(m);
        return Collections.unmodifiableMap(copy);
    }

    private static <E extends Enum<E>> Map<E, Double> probabilities(float[] logits, int offset, Class<E> type) {
        Map<E, Double> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, 1 / (1 + Math.exp(-logits[offset + e.ordinal()])));
        }
        return m;
    }

    private static <E extends Enum<E>> Set<E> present(float[] logits, int offset, Class<E> type) {
        Set<E> s = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (logits[offset + e.ordinal()] > 0) {
                s.add(e);
            }
        }
        return s;
    }
}
