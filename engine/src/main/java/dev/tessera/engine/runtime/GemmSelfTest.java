package dev.tessera.engine.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A float matrix product checked against the same product in double precision, with inputs
 * from a fixed formula: how {@link MklCpuOverride} decides whether a BLAS kernel can be trusted.
 */
final class GemmSelfTest {

    /** Largest relative error allowed, max |C - exact| / max |exact|: float rounding is ~1e-7 per term. */
    static final double TOLERANCE = 1e-4;

    private GemmSelfTest() {
    }

    /**
     * The worst {@link #maxRelativeError} over the products a Tessera model computes: whole and
     * ragged tiles (the vocabulary is 1375 wide), and a batched product as attention does.
     */
    static double worstError(NDManager m) {
        double worst = 0;
        for (int[] shape : new int[][] {{16, 192, 576}, {256, 256, 256}, {96, 768, 192}, {16, 192, 1375}, {7, 33, 65}}) {
            worst = Math.max(worst, maxRelativeError(m, shape[0], shape[1], shape[2]));
        }
        // a batch of 6 products (3, 40) x (40, 17), checked one by one
        int batch = 6;
        float[] a = fill(batch * 3 * 40, 3);
        float[] b = fill(batch * 40 * 17, 4);
        float[] c;
        try (NDManager s = m.newSubManager()) {
            c = s.create(a, new Shape(batch, 3, 40)).matMul(s.create(b, new Shape(batch, 40, 17))).toFloatArray();
        }
        for (int i = 0; i < batch; i++) {
            worst = Math.max(worst, relativeError(java.util.Arrays.copyOfRange(a, i * 120, (i + 1) * 120),
                    java.util.Arrays.copyOfRange(b, i * 680, (i + 1) * 680), java.util.Arrays.copyOfRange(c, i * 51, (i + 1) * 51),
                    3, 40, 17));
        }
        return worst;
    }

    /** max |A B - exact| / max |exact| for A (m, k) and B (k, n) filled by a fixed formula. */
    static double maxRelativeError(NDManager manager, int m, int k, int n) {
        float[] a = fill(m * k, 1);
        float[] b = fill(k * n, 2);
        float[] c;
        try (NDManager s = manager.newSubManager()) {
            NDArray product = s.create(a, new Shape(m, k)).matMul(s.create(b, new Shape(k, n)));
            c = product.toFloatArray();
        }
        return relativeError(a, b, c, m, k, n);
    }

    /** max |c - a b| / max |a b| with a b computed in double precision; a NaN in c counts as infinite. */
    static double relativeError(float[] a, float[] b, float[] c, int m, int k, int n) {
        double worst = 0;
        double scale = 0;
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0);
            for (int p = 0; p < k; p++) {
                double x = a[i * k + p];
                for (int j = 0; j < n; j++) {
                    row[j] += x * b[p * n + j];
                }
            }
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(row[j]));
                double e = Math.abs(c[i * n + j] - row[j]);
                worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(worst, e);
            }
        }
        return worst / Math.max(scale, 1e-30);
    }

    /** Values in [-1, 1) from a fixed formula, different per salt. */
    static float[] fill(int size, int salt) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) Math.sin(i * 0.7548776662 + salt * 1.618034);
        }
        return v;
    }
}
