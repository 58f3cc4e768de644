package dev.tessera.engine.semantic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tessera.engine.data.Scene;
import dev.tessera.engine.data.SceneColour;
import dev.tessera.engine.data.SceneConfig;
import dev.tessera.engine.data.SceneGenerator;
import dev.tessera.engine.data.SceneObject;
import dev.tessera.engine.data.ShapeKind;
import dev.tessera.engine.image.RgbImage;
import dev.tessera.engine.nn.Tensors;
import dev.tessera.engine.runtime.TesseraRuntime;
import dev.tessera.engine.tokenize.GridTokenizer;
import dev.tessera.engine.tokenize.TokenGrid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a grid of features says about the objects under it: a linear probe (ridge regression onto
 * one-hot classes, the standard read-out of self-supervised features) of each object's colour and
 * shape from the mean of the features at the grid positions it covers, fitted on the first half of the
 * held-out scenes and scored on the second half. Labels are read here only to measure; nothing
 * trains on them. Probing a semantic and a pixel tokenizer's codes the same way shows what each
 * one's tokens hand the language model.
 */
public final class FeatureProbe {

    /** Ridge penalty, relative to the number of fitted objects. */
    static final double RIDGE = 1e-3;

    /**
     * Accuracy of the probes.
     *
     * @param what    whose features were probed
     * @param scenes  held-out scenes (half fit, half scored)
     * @param objects objects scored
     * @param colour  share of scored objects whose colour the probe names
     * @param shape   share whose shape it names
     */
    public record Report(String what, int scenes, int objects, double colour, double shape) {

        @Override
        public String toString() {
            return String.format("%s: colour %.1f%%, shape %.1f%% (%d objects of %d held-out scenes)", what, 100 * colour,
                    100 * shape, objects, scenes);
        }
    }

    private FeatureProbe() {
    }

    /** The encoder's features: {@code [image][position][feature]}. */
    public static Function<List<RgbImage>, float[][][]> of(SemanticEncoder encoder) {
        return encoder::features;
    }

    /** The vectors of the codes a grid tokenizer gives each position (what its ids stand for). */
    public static Function<List<RgbImage>, float[][][]> codesOf(GridTokenizer tokenizer) {
        float[][] vectors = tokenizer.codeVectors();
        return images -> {
            List<TokenGrid> grids = tokenizer.encode(images);
            float[][][] out = new float[images.size()][][];
            for (int i = 0; i < grids.size(); i++) {
                int[] ids = grids.get(i).ids();
                out[i] = new float[ids.length][];
                for (int p = 0; p < ids.length; p++) {
                    out[i][p] = vectors[ids[p]];
                }
            }
            return out;
        };
    }

    /** Probes {@code features} of {@code grid x grid} positions on {@code scenes} held-out scenes of {@code size} px. */
    public static Report measure(String what, Function<List<RgbImage>, float[][][]> features, int size, int grid, int scenes) {
        if (scenes < 4) {
            throw new IllegalArgumentException("a probe needs at least 4 scenes (half fit, half scored), got " + scenes);
        }
        List<Scene> held = new SceneGenerator(SceneConfig.scenes32(SceneConfig.HELD_OUT_SEED).withSize(size)).scenes(0, scenes);
        float[][][] f = features.apply(held.stream().map(Scene::image).toList());
        List<float[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        List<Boolean> fit = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            for (SceneObject o : held.get(i).objects()) {
                xs.add(pooled(f[i], o, size, grid));
                ys.add(new int[] {o.colour().ordinal(), o.shape().ordinal()});
                fit.add(i < scenes / 2);
            }
        }
        double colour = accuracy(xs, ys, fit, 0, SceneColour.values().length);
        double shape = accuracy(xs, ys, fit, 1, ShapeKind.values().length);
        int scored = (int) fit.stream().filter(b -> !b).count();
        return new Report(what, scenes, scored, colour, shape);
    }

    /**
     * The mean of the features at the grid positions whose cell centres lie inside {@code o}'s
     * bounding circle, or at its centre's position when none does (a small object inside one cell).
     */
    static float[] pooled(float[][] f, SceneObject o, int size, int grid) {
        float[] sum = new float[f[0].length];
        int n = 0;
        double cell = size / (double) grid;
        for (int row = 0; row < grid; row++) {
            for (int col = 0; col < grid; col++) {
                double dx = (col + 0.5) * cell - o.x();
                double dy = (row + 0.5) * cell - o.y();
                if (dx * dx + dy * dy <= o.radius() * o.radius()) {
                    add(sum, f[row * grid + col]);
                    n++;
                }
            }
        }
        if (n == 0) {
            add(sum, f[Math.min(grid - 1, (int) (o.y() / cell)) * grid + Math.min(grid - 1, (int) (o.x() / cell))]);
            n = 1;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= n;
        }
        return sum;
    }

    private static void add(float[] sum, float[] v) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += v[k];
        }
    }

    /**
     * How steady a grid tokenizer's ids are under a move that changes nothing a caption says.
     *
     * @param what         the tokenizer
     * @param scenes       held-out scenes
     * @param objectIdsKept share of the grid positions under an object whose id is the same after
     *                     every object moved by at most 1 px and resized by at most 5%
     * @param allIdsKept    the same over every position
     */
    public record Stability(String what, int scenes, double objectIdsKept, double allIdsKept) {

        @Override
        public String toString() {
            return String.format("%s: %.1f%% of the ids under objects and %.1f%% of all ids unchanged by a 1 px move "
                    + "(%d held-out scenes)", what, 100 * objectIdsKept, 100 * allIdsKept, scenes);
        }
    }

    /**
     * The share of ids {@code tokenizer} keeps when each object of a held-out scene moves by at most
     * 1 px ({@link SemanticViews}, no blur): a semantic tokenizer should give the same object the
     * same ids wherever it sits to the pixel, a pixel tokenizer need not.
     */
    public static Stability stability(String what, GridTokenizer tokenizer, int scenes) {
        int size = tokenizer.imageSize();
        int grid = tokenizer.config().gridSize();
        SceneGenerator generator = new SceneGenerator(SceneConfig.scenes32(SceneConfig.HELD_OUT_SEED).withSize(size));
        List<Scene> held = generator.scenes(0, scenes);
        SemanticViews move = new SemanticViews(1.0, 0.05, 0);
        List<RgbImage> moved = new ArrayList<>();
        for (Scene s : held) {
            moved.add(move.moved(generator, s, new java.util.SplittableRandom(s.index())).image());
        }
        List<TokenGrid> before = tokenizer.encode(held.stream().map(Scene::image).toList());
        List<TokenGrid> after = tokenizer.encode(moved);
        long under = 0;
        long underKept = 0;
        long all = 0;
        long allKept = 0;
        double cell = size / (double) grid;
        for (int i = 0; i < held.size(); i++) {
            int[] a = before.get(i).ids();
            int[] b = after.get(i).ids();
            for (int p = 0; p < a.length; p++) {
                boolean kept = a[p] == b[p];
                all++;
                allKept += kept ? 1 : 0;
                double cx = (p % grid + 0.5) * cell;
                double cy = (p / grid + 0.5) * cell;
                boolean covered = held.get(i).objects().stream().anyMatch(o ->
                        (cx - o.x()) * (cx - o.x()) + (cy - o.y()) * (cy - o.y()) <= o.radius() * o.radius());
                if (covered) {
                    under++;
                    underKept += kept ? 1 : 0;
                }
            }
        }
        return new Stability(what, scenes, underKept / (double) under, allKept / (double) all);
    }

    /** Ridge regression of one-hot {@code label} on the fit rows (plus a constant), scored as argmax on the others. */
    private static double accuracy(List<float[]> xs, List<int[]> ys, List<Boolean> fit, int label, int classes) {
        int d = xs.get(0).length + 1;
        try (NDManager m = TesseraRuntime.newManager()) {
            List<float[]> fx = new ArrayList<>();
            List<float[]> fy = new ArrayList<>();
            List<float[]> tx = new ArrayList<>();
            List<Integer> ty = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                float[] row = new float[d];
                System.arraycopy(xs.get(i), 0, row, 0, d - 1);
                row[d - 1] = 1;
                if (fit.get(i)) {
                    float[] y = new float[classes];
                    y[ys.get(i)[label]] = 1;
                    fx.add(row);
                    fy.add(y);
                } else {
                    tx.add(row);
                    ty.add(ys.get(i)[label]);
                }
            }
            NDArray x = m.create(fx.toArray(new float[0][]));
            NDArray y = m.create(fy.toArray(new float[0][]));
            NDArray gram = x.transpose().matMul(x).add(m.eye(d).mul(Tensors.scalar(x, (float) (RIDGE * fx.size()))));
            NDArray w = gram.inverse().matMul(x.transpose().matMul(y));
            long[] predicted = m.create(tx.toArray(new float[0][])).matMul(w).argMax(1).toLongArray();
            int right = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == ty.get(i)) {
                    right++;
                }
            }
            return right / (double) predicted.length;
        }
    }
}
