package dev.tessera.engine.semantic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.tessera.engine.nn.Tensors;

/**
 * The semantic encoder's loss: InfoNCE (van den Oord et al. 2018) between two views of the same
 * scenes, at two scales. <b>Dense</b>: a grid position of view one must pick the same position of
 * view two among sampled positions of every scene in the batch (its own scene's other positions
 * included), so each position's features describe what lies there. <b>Pooled</b>: a scene's mean
 * projection must pick the other view's among the batch's scenes (SimCLR's NT-Xent, Chen et al.
 * 2020), so features also carry what the whole scene holds. Both are symmetric (each view picks
 * the other), and both are plain cross-entropies of scaled cosine similarities.
 */
public final class ContrastiveLoss {

    private ContrastiveLoss() {
    }

    /**
     * Dense plus pooled loss of projections {@code a} and {@code b} (N, P, g, g) of two views of the
     * same N scenes, with {@code positions} (row-major indices into each g x g grid, the same for
     * both views) the sampled positions of every scene. Returns {dense, pooled}.
     */
    public static NDArray[] of(NDArray a, NDArray b, long[] positions, float temperature) {
        return of(a, b, null, positions, temperature);
    }

    /**
     * As {@link #of(NDArray, NDArray, long[], float)}, with {@code hard} (N, P, g, g) the
     * projections of a hard negative of each scene ({@link SemanticViews#reshaped}) set beside
     * the candidates of the pooled loss, or null for none.
     */
    public static NDArray[] of(NDArray a, NDArray b, NDArray hard, long[] positions, float temperature) {
        long n = a.getShape().get(0);
        long p = a.getShape().get(1);
        long cells = a.getShape().get(2) * a.getShape().get(3);
        NDArray ra = a.reshape(n, p, cells).transpose(0, 2, 1);
        NDArray rb = b.reshape(n, p, cells).transpose(0, 2, 1);
        NDManager m = a.getManager();
        long[] rows = new long[(int) n * positions.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < positions.length; j++) {
                rows[i * positions.length + j] = i * cells + positions[j];
            }
        }
        NDArray idx = m.create(rows);
        NDArray da = Tensors.l2normalize(ra.reshape(n * cells, p).get(new NDIndex("{}", idx)));
        NDArray db = Tensors.l2normalize(rb.reshape(n * cells, p).get(new NDIndex("{}", idx)));
        NDArray pa = Tensors.l2normalize(ra.mean(new int[] {1}));
        NDArray pb = Tensors.l2normalize(rb.mean(new int[] {1}));
        if (hard == null) {
            return new NDArray[] {symmetric(da, db, temperature), symmetric(pa, pb, temperature)};
        }
        NDArray ph = Tensors.l2normalize(hard.reshape(n, p, cells).mean(new int[] {2}));
        NDArray pooled = withNegatives(pa, pb, ph, temperature).add(withNegatives(pb, pa, ph, temperature))
                .div(Tensors.scalar(pa, 2f));
        return new NDArray[] {symmetric(da, db, temperature), pooled};
    }

    /** InfoNCE of unit rows {@code x} (K, P): row k must pick row k of {@code y} among all of {@code y} and {@code negatives}. */
    static NDArray withNegatives(NDArray x, NDArray y, NDArray negatives, float temperature) {
        NDArray logits = x.matMul(y.concat(negatives, 0).transpose()).div(Tensors.scalar(x, temperature));
        int k = (int) x.getShape().get(0);
        NDArray pick = x.getManager().eye(k, 2 * k, 0, logits.getDataType(), x.getDevice());
        return logits.logSoftmax(1).mul(pick).sum().neg().div(Tensors.scalar(x, k));
    }

    /** Symmetric InfoNCE of unit rows {@code x} and {@code y} (K, P): row k of each must pick row k of the other. */
    static NDArray symmetric(NDArray x, NDArray y, float temperature) {
        NDArray logits = x.matMul(y.transpose()).div(Tensors.scalar(x, temperature));
        NDArray eye = x.getManager().eye((int) x.getShape().get(0), (int) x.getShape().get(0), 0, logits.getDataType(), x.getDevice());
        NDArray rowsPick = logits.logSoftmax(1).mul(eye).sum();
        NDArray colsPick = logits.logSoftmax(0).mul(eye).sum();
        return rowsPick.add(colsPick).neg().div(Tensors.scalar(x, 2f * x.getShape().get(0)));
    }
}
