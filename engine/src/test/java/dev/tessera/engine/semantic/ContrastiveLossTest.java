package dev.tessera.engine.semantic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContrastiveLossTest {

    /** K orthogonal unit rows matched with themselves: each picks its own with e^(1/t) against K-1 of e^0. */
    @Test
    void orthogonalRowsGiveTheKnownInfoNceValue() {
        try (NDManager m = TesseraRuntime.newManager()) {
            int k = 4;
            NDArray x = m.eye(k);
            float t = 0.5f;
            double expected = -Math.log(Math.exp(1 / t) / (Math.exp(1 / t) + (k - 1)));
            assertThat(ContrastiveLoss.symmetric(x, x, t).getFloat()).isCloseTo((float) expected, within(1e-5f));
            // every row matched with another's: each pick is e^0 among e^(1/t) and K-2 e^0
            NDArray shifted = m.create(new float[] {0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0}, new Shape(4, 4));
            double wrong = -Math.log(1 / (Math.exp(1 / t) + (k - 1)));
            assertThat(ContrastiveLoss.symmetric(x, shifted, t).getFloat()).isCloseTo((float) wrong, within(1e-5f));
        }
    }

    @Test
    void matchingViewsScoreBetterThanShuffledOnesAtBothScales() {
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray a = m.randomNormal(new Shape(6, 8, 4, 4));
            NDArray noisy = a.add(m.randomNormal(0, 0.1f, new Shape(6, 8, 4, 4), a.getDataType()));
            NDArray other = m.randomNormal(new Shape(6, 8, 4, 4));
            long[] positions = {0, 5, 10, 15};
            NDArray[] same = ContrastiveLoss.of(a, noisy, positions, 0.2f);
            NDArray[] unrelated = ContrastiveLoss.of(a, other, positions, 0.2f);
            assertThat(same[0].getFloat()).isLessThan(unrelated[0].getFloat() - 1);
            assertThat(same[1].getFloat()).isLessThan(unrelated[1].getFloat() - 1);
        }
    }

    /** A hard negative that looks like the positive makes the pooled loss harder than one that does not. */
    @Test
    void aHardNegativeLikeThePositiveRaisesThePooledLoss() {
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray a = m.randomNormal(new Shape(6, 8, 4, 4));
            NDArray b = a.add(m.randomNormal(0, 0.1f, new Shape(6, 8, 4, 4), a.getDataType()));
            NDArray lookalike = a.add(m.randomNormal(0, 0.1f, new Shape(6, 8, 4, 4), a.getDataType()));
            NDArray unrelated = m.randomNormal(new Shape(6, 8, 4, 4));
            long[] positions = {0, 5};
            float close = ContrastiveLoss.of(a, b, lookalike, positions, 0.2f)[1].getFloat();
            float far = ContrastiveLoss.of(a, b, unrelated, positions, 0.2f)[1].getFloat();
            assertThat(close).isGreaterThan(far + 0.3f);
            assertThat(ContrastiveLoss.of(a, b, unrelated, positions, 0.2f)[0].getFloat())
                    .as("the dense loss ignores hard negatives").isEqualTo(ContrastiveLoss.of(a, b, positions, 0.2f)[0].getFloat());
        }
    }
}
