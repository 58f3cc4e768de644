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

    /** max |A B - exact| / max |exact| for A (m, k) and B (k, n) filled by a fixed formula. */
    static double maxRelativeError(NDManager manager, int m, int k, int n) {
        float[] a = fill(m * k, 1);
        float[] b = fill(k * n, 2);
        float[] c;
        try (NDManager s = manager.newSubManager()) {
            NDArray product = s.create(a, new Shape(m, k)).matMul(s.create(b, new Shape(k, n)));
            c = product.toFloatArray();
        }
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
