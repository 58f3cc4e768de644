package dev.tessera.engine.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DensityPeakClusteringTest {

    /** Points in 1D: a tight group of 5 around 0 and one of 3 around 10. */
    private static final float[] TWO_GROUPS = {0f, 0.1f, -0.1f, 10f, 0.05f, 10.1f, -0.05f, 9.9f};

    @Test
    void twoSeparatedGroupsBecomeTwoClustersOrderedByCentrePosition() {
        Clustering c = new DensityPeakClustering(new DensityPeakConfig(3, 0.5, 1, 8)).cluster(TWO_GROUPS, 8, 1);
        assertThat(c.count()).isEqualTo(2);
        int a = c.assignment()[0];
        int b = c.assignment()[3];
        assertThat(a).isNotEqualTo(b);
        assertThat(c.assignment()).containsExactly(a, a, a, b, a, b, a, b);
        assertThat(c.centres()).isSorted();
        assertThat(c.sizes()[a]).isEqualTo(5);
        assertThat(c.sizes()[b]).isEqualTo(3);
    }

    @Test
    void scoresAreDensityTimesDistanceToDenser() {
        // three points 0, 1, 3 with k = 2 (self + nearest): d/sqrt(1) = plain distances
        // rho0 = exp(-(0 + 1)/2), rho1 = exp(-(0 + 1)/2) (+ tie-breaker), rho2 = exp(-(0 + 4)/2)
        // point 1 is densest (tie broken by index): delta = max distance 3; point 0: delta = 1; point 2: delta = 2
        double[] s = new DensityPeakClustering(new DensityPeakConfig(2, 0, 1, 3)).scores(new float[] {0, 1, 3}, 3, 1);
        double r01 = Math.exp(-0.5);
        assertThat(s[1]).isCloseTo(r01 * 3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(s[0]).isCloseTo(r01 * 1, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(s[2]).isCloseTo(Math.exp(-2) * 2, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void whenNothingPassesTheThresholdTheTopScoresAreCentres() {
        Clustering c = new DensityPeakClustering(new DensityPeakConfig(3, 1e9, 1, 8)).cluster(TWO_GROUPS, 8, 1);
        assertThat(c.count()).isEqualTo(1);
        assertThat(c.assignment()).containsOnly(0);
    }

    @Test
    void maxCentresCapsTheCount() {
        float[] spread = new float[16];
        for (int i = 0; i < 16; i++) {
            spread[i] = i * 10f;
        }
        assertThat(new DensityPeakClustering(new DensityPeakConfig(2, 0, 1, 4)).cluster(spread, 16, 1).count()).isEqualTo(4);
    }

    @Test
    void identicalPointsMakeOneCluster() {
        Clustering c = new DensityPeakClustering(DensityPeakConfig.standard()).cluster(new float[64 * 4], 64, 4);
        assertThat(c.count()).isEqualTo(1);
    }

    @Test
    void wrongSizesAreRejected() {
        assertThatThrownBy(() -> new DensityPeakClustering(DensityPeakConfig.standard()).cluster(new float[5], 2, 2))
                .hasMessageContaining("expected 2 points of width 2");
        assertThatThrownBy(() -> new DensityPeakConfig(0, 1, 1, 2)).hasMessageContaining("neighbours");
    }
}
