package dev.tessera.engine.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tessera.engine.runtime.TesseraRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JudgeLossTest {

    @Test
    void logSigmoidIsFiniteAndExactAtBothEnds() {
        try (NDManager m = TesseraRuntime.newManager()) {
            float[] got = JudgeLoss.logSigmoid(m.create(new float[] {-200f, -30f, 0f, 2f, 200f})).toFloatArray();
            assertThat(got[0]).isEqualTo(-200f);
            assertThat(got[1]).isCloseTo(-30f, within(1e-5f));
            assertThat(got[2]).isCloseTo((float) -Math.log(2), within(1e-6f));
            assertThat(got[3]).isCloseTo((float) -Math.log1p(Math.exp(-2)), within(1e-6f));
            assertThat(got[4]).isEqualTo(-0f);
        }
    }

    @Test
    void binaryCrossEntropyKnownAnswers() {
        try (NDManager m = TesseraRuntime.newManager()) {
            // row 0: z=0 -> ln 2 whatever the target; row 1: z=3, y=1 -> ln(1+e^-3); z=-100, y=1 -> 100
            NDArray z = m.create(new float[] {0f, 0f, 3f, -100f}, new Shape(2, 2));
            NDArray y = m.create(new float[] {1f, 0f, 1f, 1f}, new Shape(2, 2));
            double want = (2 * Math.log(2) + Math.log1p(Math.exp(-3)) + 100) / 2;
            assertThat(JudgeLoss.binaryCrossEntropy(z, y).getFloat()).isCloseTo((float) want, within(1e-4f));
        }
    }

    @Test
    void countCrossEntropyKnownAnswer() {
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray z = m.create(new float[] {0f, 0f, 0f, 0f, 0f, 0f, 5f, 0f}, new Shape(2, 4));
            NDArray y = m.create(new float[] {1f, 0f, 0f, 0f, 0f, 0f, 1f, 0f}, new Shape(2, 4));
            double want = (Math.log(4) + Math.log(3 + Math.exp(5)) - 5) / 2;
            assertThat(JudgeLoss.crossEntropy(z, y).getFloat()).isCloseTo((float) want, within(1e-5f));
        }
    }

    @Test
    void theTotalIsTheSumOfTheHeads() {
        try (NDManager m = TesseraRuntime.newManager()) {
            NDArray z = m.create(JudgeVerdictTest.handBuilt(), new Shape(1, JudgeHeads.SIZE));
            NDArray y = m.create(JudgeHeads.target(JudgeVerdict.fromLogits(JudgeVerdictTest.handBuilt()).attributes()),
                    new Shape(1, JudgeHeads.SIZE));
            JudgeLoss.Parts p = JudgeLoss.of(z, y);
            float sum = p.count().getFloat() + p.colours().getFloat() + p.shapes().getFloat() + p.positions().getFloat();
            assertThat(p.total().getFloat()).isCloseTo(sum, within(1e-5f));
            assertThat(p.total().getFloat()).isPositive();
        }
    }
}
