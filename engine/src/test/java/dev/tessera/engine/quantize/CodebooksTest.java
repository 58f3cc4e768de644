package dev.tessera.engine.quantize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CodebooksTest {

    private NDManager m;

    @BeforeEach
    void open() {
        m = TesseraRuntime.newManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void nearestPicksTheClosestCodeByEuclideanDistance() {
        NDArray codes = m.create(new float[] {0, 0, 10, 0, 0, 10}, new Shape(3, 2));
        NDArray z = m.create(new float[] {1, 1, 9, 2, 1, 8, 6, 0}, new Shape(4, 2));
        assertThat(Codebooks.nearest(z, codes).toLongArray()).containsExactly(0, 1, 2, 1);
    }

    @Test
    void nearestAgreesWithABruteForceSearchOnRandomData() {
        int n = 300;
        int k = 97;
        int d = 24;
        java.util.Random rnd = new java.util.Random(42);
        float[] zs = new float[n * d];
        float[] cs = new float[k * d];
        for (int i = 0; i < zs.length; i++) {
            zs[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < cs.length; i++) {
            // codes of unequal norms (scales 1, 2, 3), so the ||c||^2 term matters
            cs[i] = (float) (rnd.nextGaussian() * (1 + i / d % 3));
        }
        long[] got = Codebooks.nearest(m.create(zs, new Shape(n, d)), m.create(cs, new Shape(k, d))).toLongArray();
        assertThat(got).hasSize(n);
        for (int i = 0; i < n; i++) {
            double[] dist = squaredDistances(zs, i, cs, d);
            int[] order = java.util.stream.IntStream.range(0, k).boxed()
                    .sorted(java.util.Comparator.comparingDouble(j -> dist[j])).mapToInt(j -> j).toArray();
            double tolerance = 1e-3 * (1 + dist[order[0]]);
            // fp32 may swap a near-tie: the chosen code is as close as the best, and is the best when the gap is clear
            assertThat(dist[(int) got[i]]).as("row %d", i).isCloseTo(dist[order[0]], within(tolerance));
            if (dist[order[1]] - dist[order[0]] > tolerance) {
                assertThat(got[i]).as("row %d", i).isEqualTo(order[0]);
            }
        }
    }

    /** Squared distances in double from row {@code i} of {@code zs} to every code. */
    private static double[] squaredDistances(float[] zs, int i, float[] cs, int d) {
        double[] dist = new double[cs.length / d];
        for (int j = 0; j < dist.length; j++) {
            for (int t = 0; t < d; t++) {
                double diff = zs[i * d + t] - cs[j * d + t];
                dist[j] += diff * diff;
            }
        }
        return dist;
    }

    @Test
    void nearestBreaksExactTiesTowardsTheLowestIndex() {
        NDArray codes = m.create(new float[] {1, 0, -1, 0, 0, 1}, new Shape(3, 2));
        NDArray z = m.create(new float[] {0, 0}, new Shape(1, 2));
        assertThat(Codebooks.nearest(z, codes).toLongArray()).containsExactly(0);
    }

    @Test
    void emaUpdateMatchesAHandComputedExample() {
        // K=2, D=1, decay 0.5. Previous: counts (2, 2), sums (4, 8) -> codes (2, 4).
        // Batch: z = 1, 3 -> code 0; z = 5 -> code 1.
        NDArray z = m.create(new float[] {1, 3, 5}, new Shape(3, 1));
        NDArray idx = m.create(new long[] {0, 0, 1});
        NDArray count = m.create(new float[] {2, 2});
        NDArray sum = m.create(new float[] {4, 8}, new Shape(2, 1));
        NDArray[] next = Codebooks.emaUpdate(z, idx, count, sum, 0.5);
        // N' = 0.5*(2,2) + 0.5*(2,1) = (2, 1.5); S' = 0.5*(4,8) + 0.5*(4,5) = (4, 6.5)
        assertThat(next[0].toFloatArray()).containsExactly(new float[] {2f, 1.5f}, within(1e-6f));
        assertThat(next[1].toFloatArray()).containsExactly(new float[] {4f, 6.5f}, within(1e-6f));
        // Laplace smoothing with eps 1e-5 barely moves N': codes = (4/2, 6.5/1.5)
        assertThat(next[2].toFloatArray()).containsExactly(new float[] {2f, 6.5f / 1.5f}, within(1e-3f));
    }

    @Test
    void aPullMovesTheCodesPartWayAndTheNextEmaStepContinuesFromThere() {
        // K=2, D=1: codes (2, 4) with counts (2, 2), pulled toward (10, 0) keeping lambda = 0.75
        NDArray codes = m.create(new float[] {2, 4}, new Shape(2, 1));
        NDArray count = m.create(new float[] {2, 2});
        NDArray[] pulled = Codebooks.pull(codes, m.create(new float[] {10, 0}, new Shape(2, 1)), count, 0.75);
        assertThat(pulled[0].toFloatArray()).containsExactly(new float[] {4f, 3f}, within(1e-6f));
        // an EMA step that learns nothing new (decay 1) must give back exactly the pulled codes, not the old ones
        NDArray z = m.create(new float[] {100, -100}, new Shape(2, 1));
        NDArray[] next = Codebooks.emaUpdate(z, m.create(new long[] {0, 1}), count, pulled[1], 1.0);
        assertThat(next[2].toFloatArray()).containsExactly(pulled[0].toFloatArray(), within(1e-5f));
        // and an ordinary step moves from the pulled codes (sums S' = C' * N), not from the old ones
        NDArray[] step = Codebooks.emaUpdate(m.create(new float[] {6}, new Shape(1, 1)), m.create(new long[] {0}), count,
                pulled[1], 0.5);
        // N' = (0.5*2 + 0.5*1, 0.5*2) = (1.5, 1); S' = (0.5*8 + 0.5*6, 0.5*6) = (7, 3) -> codes (7/1.5, 3)
        assertThat(step[2].toFloatArray()).containsExactly(new float[] {7f / 1.5f, 3f}, within(1e-3f));
    }

    @Test
    void kmeansFindsTwoObviousClusters() {
        NDArray z = m.create(new float[] {0, 0.2f, -0.1f, 10, 10.3f, 9.8f}, new Shape(6, 1));
        NDArray init = m.create(new float[] {0, 0.2f}, new Shape(2, 1));
        float[] c = Codebooks.kmeans(z, init, 5).toFloatArray();
        java.util.Arrays.sort(c);
        assertThat(c[0]).isCloseTo(0.0333f, within(1e-3f));
        assertThat(c[1]).isCloseTo(10.0333f, within(1e-3f));
    }

    @Test
    void perplexityIsTheEffectiveNumberOfCodes() {
        assertThat(Codebooks.perplexity(new long[] {5, 5, 5, 5})).isCloseTo(4.0, within(1e-9));
        assertThat(Codebooks.perplexity(new long[] {9, 0, 0})).isCloseTo(1.0, within(1e-9));
        assertThat(Codebooks.perplexity(new long[] {0, 0})).isZero();
    }
}
