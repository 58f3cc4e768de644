package dev.tessera.engine.lm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LossWeightingTest {

    // three sequences of 4 positions: 3 targets, 1 target, none
    private static final float[] MASK = {0, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0};

    @Test
    void tokenWeightingGivesEveryTargetTokenTheSameShare() {
        float[] w = LossWeighting.TOKEN.weights(MASK, 3, 4);
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).isCloseTo(MASK[i] / 4f, within(1e-7f));
        }
    }

    @Test
    void exampleWeightingGivesEverySequenceWithATargetTheSameShare() {
        float[] w = LossWeighting.EXAMPLE.weights(MASK, 3, 4);
        // the 3-token target shares one half, the 1-token target has the other; the empty row nothing
        assertThat(w[1] + w[2] + w[3]).isCloseTo(0.5f, within(1e-6f));
        assertThat(w[1]).isCloseTo(1f / 6, within(1e-6f));
        assertThat(w[7]).isCloseTo(0.5f, within(1e-6f));
        assertThat(w[0]).isZero();
        assertThat(w[8] + w[9] + w[10] + w[11]).isZero();
        // a known answer: per-token NLLs 1,2,3 and 6 -> mean of (2, 6) = 4
        float[] nll = {9, 1, 2, 3, 9, 9, 9, 6, 9, 9, 9, 9};
        double loss = 0;
        for (int i = 0; i < nll.length; i++) {
            loss += nll[i] * w[i];
        }
        assertThat(loss).isCloseTo(4.0, within(1e-5));
    }

    @Test
    void noTargetsMeanNoWeightAndBadInputIsNamed() {
        assertThat(LossWeighting.EXAMPLE.weights(new float[4], 2, 2)).containsOnly(0f);
        assertThat(LossWeighting.TOKEN.weights(new float[4], 2, 2)).containsOnly(0f);
        assertThatThrownBy(() -> LossWeighting.TOKEN.weights(MASK, 2, 4)).hasMessageContaining("12 values for 2 x 4");
        assertThatThrownBy(() -> LossWeighting.parse("tokens")).hasMessageContaining("token or example");
        assertThat(LossWeighting.parse("example")).isEqualTo(LossWeighting.EXAMPLE);
    }
}
