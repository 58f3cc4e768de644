package dev.tessera.engine.judge;

import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.ShapeKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the judge sees in one image: every object, with its colour, shape and centre. Counting
 * ("three blue squares"), colour attribution ("a red circle and a blue square") and relations
 * ("left of") are judged from this list; {@link #attributes()} gives the older sets view.
 *
 * @param objects the objects in reading order (3x3 row of the centre, then column), as scenes list them
 */
public record JudgeVerdict(List<JudgedObject> objects) {

    /** Reading order: the 3x3 row of the centre, then the centre's column; scenes sort their objects so. */
    static final Comparator<JudgedObject> READING_ORDER = Comparator
            .comparingInt((JudgedObject o) -> o.position().ordinal() / 3).thenComparingDouble(JudgedObject::x);

    public JudgeVerdict {
        objects = objects.stream().sorted(READING_ORDER).toList();
    }

    /**
     * Decodes one image's (PER_CELL, g, g) logits, flattened channel by channel, laid out as
     * {@link JudgeHeads} says. Each cell's presence is the probability that an object's centre
     * lies in it, so cells that place their centres within {@link #MERGE_FRACTION} of the image
     * side of each other describe one object, and their probabilities add up (a centre lies in
     * one cell or the other, never both). Grouping the strongest cell with its close neighbours,
     * an object is found where a group's summed presence exceeds one half: a centre on a cell
     * border, split 0.4 / 0.4 between two cells, is found once, and one claimed 0.6 / 0.6 by two
     * cells is not found twice. Its colour and shape are the argmax of the presence-weighted
     * softmaxes of the group (the first of equal ones), its centre their presence-weighted mean.
     */
    public static JudgeVerdict fromCells(float[] cells, int grid, int imageSize) {
        int plane = grid * grid;
        if (cells.length != JudgeHeads.PER_CELL * plane) {
            throw new IllegalArgumentException("a verdict decodes " + JudgeHeads.PER_CELL + " x " + grid + " x " + grid
                    + " logits, got " + cells.length);
        }
        double cellSide = imageSize / (double) grid;
        List<Integer> candidates = new ArrayList<>();
        double[] presence = new double[plane];
        double[] xs = new double[plane];
        double[] ys = new double[plane];
        for (int cell = 0; cell < plane; cell++) {
            presence[cell] = sigmoid(cells[JudgeHeads.OBJECT * plane + cell]);
            xs[cell] = (cell % grid + sigmoid(cells[JudgeHeads.CENTRE_OFFSET * plane + cell])) * cellSide;
            ys[cell] = (cell / grid + sigmoid(cells[(JudgeHeads.CENTRE_OFFSET + 1) * plane + cell])) * cellSide;
            if (presence[cell] >= MIN_CANDIDATE) {
                candidates.add(cell);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer c) -> -presence[c]).thenComparingInt(c -> c));
        double radius = MERGE_FRACTION * imageSize;
        boolean[] used = new boolean[plane];
        List<JudgedObject> found = new ArrayList<>();
        for (int seed : candidates) {
            if (used[seed]) {
                continue;
            }
            double mass = 0;
            double x = 0;
            double y = 0;
            double[] colourP = new double[SceneColour.values().length];
            double[] shapeP = new double[ShapeKind.values().length];
            for (int c : candidates) {
                if (!used[c] && Math.hypot(xs[c] - xs[seed], ys[c] - ys[seed]) <= radius) {
                    used[c] = true;
                    double p = presence[c];
                    mass += p;
                    x += p * xs[c];
                    y += p * ys[c];
                    addWeighted(colourP, softmax(cells, JudgeHeads.COLOUR_OFFSET, colourP.length, plane, c), p);
                    addWeighted(shapeP, softmax(cells, JudgeHeads.SHAPE_OFFSET, shapeP.length, plane, c), p);
                }
            }
            if (mass <= 0.5) {
                continue;
            }
            x /= mass;
            y /= mass;
            int colour = argmax(colourP);
            int shape = argmax(shapeP);
            found.add(new JudgedObject(SceneColour.values()[colour], ShapeKind.values()[shape], x, y,
                    Position.of(x, y, imageSize), Math.min(1, mass), colourP[colour] / mass, shapeP[shape] / mass));
        }
        return new JudgeVerdict(found);
    }

    /**
     * Cells whose centres lie within this fraction of the image side describe the same object:
     * half of {@link JudgeHeads#MIN_CENTRE_GAP_FRACTION} (two centres of a generated scene are
     * further apart than that fraction, plus a 2-pixel gap: 2.9 px at 32 px against at least 7.8).
     */
    static final double MERGE_FRACTION = JudgeHeads.MIN_CENTRE_GAP_FRACTION / 2;
    /** Cells less sure than this of holding a centre are ignored: they cannot tip a group over one half unnoticed. */
    static final double MIN_CANDIDATE = 0.05;

    /** How many objects it sees. */
    public int count() {
        return objects.size();
    }

    /** Colours seen at least once. */
    public Set<SceneColour> colours() {
        Set<SceneColour> s = EnumSet.noneOf(SceneColour.class);
        objects.forEach(o -> s.add(o.colour()));
        return s;
    }

    /** Shapes seen at least once. */
    public Set<ShapeKind> shapes() {
        Set<ShapeKind> s = EnumSet.noneOf(ShapeKind.class);
        objects.forEach(o -> s.add(o.shape()));
        return s;
    }

    /** 3x3 cells holding at least one centre. */
    public Set<Position> positions() {
        Set<Position> s = EnumSet.noneOf(Position.class);
        objects.forEach(o -> s.add(o.position()));
        return s;
    }

    /** Count, colours, shapes and positions as one value, comparable with {@link SceneAttributes#of}. */
    public SceneAttributes attributes() {
        return new SceneAttributes(count(), colours(), shapes(), positions());
    }

    /** The objects as a scene caption would name them ("two red circles and a blue square"); "nothing" for none. */
    public String caption() {
        return Scene.caption(objects.stream().map(JudgedObject::name).toList());
    }

    /**
     * True when it sees exactly {@code wanted}: the same objects, each with its colour, shape and
     * 3x3 cell, as many times each, in any order ("every object right").
     */
    public boolean shows(List<dev.tessera.engine.data.SceneObject> wanted) {
        return wanted.stream().map(o -> key(o.colour(), o.shape(), o.position())).sorted().toList()
                .equals(objects.stream().map(o -> key(o.colour(), o.shape(), o.position())).sorted().toList());
    }

    private static String key(SceneColour colour, ShapeKind shape, Position position) {
        return colour + " " + shape + " " + position;
    }

    /** The least sure presence among the objects found (1 when none are). */
    public double weakestPresence() {
        return objects.stream().mapToDouble(JudgedObject::presence).min().orElse(1);
    }

    @Override
    public String toString() {
        return caption() + (objects.isEmpty() ? "" : " at " + String.join(", ",
                objects.stream().map(o -> o.position().words()).toList()));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] softmax(float[] cells, int offset, int n, int plane, int cell) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, cells[(offset + i) * plane + cell]);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(cells[(offset + i) * plane + cell] - max);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static void addWeighted(double[] sum, double[] p, double w) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += w * p[i];
        }
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
