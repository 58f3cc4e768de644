package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.data.Position;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.ShapeKind;

import java.util.List;

/**
 * Where each head sits in the judge's output row of {@value #SIZE} logits: the object count
 * (a softmax over 1..4), then one sigmoid per {@link SceneColour}, per {@link ShapeKind} and
 * per {@link Position}, each in enum order. The same layout serves as the training target
 * (one-hot count, multi-hot presence).
 */
public final class JudgeHeads {

    /** Count classes: 1..4 objects. */
    public static final int COUNTS = 4;
    public static final int COLOUR_OFFSET = COUNTS;
    public static final int SHAPE_OFFSET = COLOUR_OFFSET + SceneColour.values().length;
    public static final int POSITION_OFFSET = SHAPE_OFFSET + ShapeKind.values().length;
    /** Logits per image. */
    public static final int SIZE = POSITION_OFFSET + Position.values().length;

    private JudgeHeads() {
    }

    /** The target row of {@code a}: one-hot count, multi-hot colours, shapes and positions. */
    public static float[] target(SceneAttributes a) {
        float[] t = new float[SIZE];
        t[a.count() - 1] = 1f;
        a.colours().forEach(c -> t[COLOUR_OFFSET + c.ordinal()] = 1f);
        a.shapes().forEach(s -> t[SHAPE_OFFSET + s.ordinal()] = 1f);
        a.positions().forEach(p -> t[POSITION_OFFSET + p.ordinal()] = 1f);
        return t;
    }

    /** Target rows of a batch as an (N, {@value #SIZE}) tensor. */
    static NDArray targets(List<SceneAttributes> batch, NDManager m) {
        float[] data = new float[batch.size() * SIZE];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(target(batch.get(i)), 0, data, i * SIZE, SIZE);
        }
        return m.create(data, new Shape(batch.size(), SIZE));
    }
}
