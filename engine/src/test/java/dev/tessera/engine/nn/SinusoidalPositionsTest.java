package dev.tessera.engine.nn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SinusoidalPositionsTest {

    @Test
    void cellZeroIsSinZeroCosOneAndCellsDiffer() {
        float[] e = SinusoidalPositions.grid(2, 3, 8);
        // cell (0,0): row half = [sin0, sin0, cos0, cos0], column half the same
        assertThat(java.util.Arrays.copyOfRange(e, 0, 8)).containsExactly(new float[] {0, 0, 1, 1, 0, 0, 1, 1}, within(1e-6f));
        // cell (1,2): row 1, column 2, first frequency 1
        assertThat(e[(1 * 3 + 2) * 8]).isCloseTo((float) Math.sin(1), within(1e-6f));
        assertThat(e[(1 * 3 + 2) * 8 + 4]).isCloseTo((float) Math.sin(2), within(1e-6f));
    }
}
