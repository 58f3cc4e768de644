package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;

import java.util.List;

/**
 * The judge's output layout: a {@code g x g} grid of cells over the image (a detector in the
 * manner of CenterNet), each cell with {@value #PER_CELL} channels: one "an object's centre
 * lies in this cell" logit, then that object's colour logits (a softmax over
 * {@link SceneColour}), its shape logits (a softmax over {@link ShapeKind}), and two logits
 * whose sigmoids place the centre inside the cell (column, row). Counting, colour attribution
 * and relations then follow from the list of objects, not from sets of attributes.
 *
 * <p>The cells are small enough that no two centres of a scene share one: centres of the
 * scene generator's objects are at least {@value #MIN_CENTRE_GAP_FRACTION} of the image side
 * apart, more than a cell's diagonal when the grid has at least 8 cells per side. The same
 * layout serves as the training target (objectness, one-hot colour and shape, the centre's
 * place in its cell) with a mask of the cells that hold a centre.
 */
public final class JudgeHeads {

    public static final int OBJECT = 0;
    public static final int COLOUR_OFFSET = 1;
    public static final int SHAPE_OFFSET = COLOUR_OFFSET + SceneColour.values().length;
    public static final int CENTRE_OFFSET = SHAPE_OFFSET + ShapeKind.values().length;
    /** Channels per cell. */
    public static final int PER_CELL = CENTRE_OFFSET + 2;
    /**
     * The smallest distance between two objects' centres in a generated scene, as a fraction of
     * its side, leaving out the generator's 2-pixel gap: two radii of at least 0.09 of the side
     * (with the gap, at 32 px: 5.8 + 2 = 7.8 px).
     */
    static final double MIN_CENTRE_GAP_FRACTION = 0.18;

    private JudgeHeads() {
    }

    /** The cell (column, row) of a point in an image of side {@code size} on a {@code grid}-cell grid. */
    static int cellOf(double coordinate, int size, int grid) {
        return Math.min(grid - 1, Math.max(0, (int) (coordinate * grid / size)));
    }

    /**
     * The (N, {@value #PER_CELL}, g, g) target of a batch of scenes of side {@code size}: in each
     * cell holding an object's centre, objectness 1, that object's one-hot colour and shape, and
     * the centre's place in the cell (0..1 each way); zeros elsewhere.
     */
    static NDArray targets(List<Scene> batch, int size, int grid, NDManager m) {
        int plane = grid * grid;
        float[] t = new float[batch.size() * PER_CELL * plane];
        for (int i = 0; i < batch.size(); i++) {
            int base = i * PER_CELL * plane;
            for (SceneObject o : batch.get(i).objects()) {
                int col = cellOf(o.x(), size, grid);
                int row = cellOf(o.y(), size, grid);
                int cell = row * grid + col;
                double cellSide = size / (double) grid;
                t[base + OBJECT * plane + cell] = 1f;
                t[base + (COLOUR_OFFSET + o.colour().ordinal()) * plane + cell] = 1f;
                t[base + (SHAPE_OFFSET + o.shape().ordinal()) * plane + cell] = 1f;
                t[base + CENTRE_OFFSET * plane + cell] = (float) Math.min(1, Math.max(0, o.x() / cellSide - col));
                t[base + (CENTRE_OFFSET + 1) * plane + cell] = (float) Math.min(1, Math.max(0, o.y() / cellSide - row));
            }
        }
        return m.create(t, new Shape(batch.size(), PER_CELL, grid, grid));
    }
}
