package dev.tessera.engine.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WilsonIntervalTest {

    @Test
    void knownAnswers() {
        // 0 of 128: upper end z^2 / (n + z^2) = 3.8415 / 131.8415
        WilsonInterval none = WilsonInterval.of(0, 128);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(3.841459 / 131.841459, within(1e-9));
        // 8 of 10 (a textbook case): [0.4902, 0.9433]
        WilsonInterval eight = WilsonInterval.of(8, 10);
        assertThat(eight.low()).isCloseTo(0.4902, within(1e-4));
        assertThat(eight.high()).isCloseTo(0.9433, within(1e-4));
        // symmetric: n of n mirrors 0 of n
        WilsonInterval all = WilsonInterval.of(128, 128);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(1 - none.high(), within(1e-12));
        assertThat(none.toString()).isEqualTo("95%: 0.0-2.9%");
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> WilsonInterval.of(3, 2)).hasMessageContaining("3 of 2");
        assertThatThrownBy(() -> WilsonInterval.of(0, 0)).hasMessageContaining("trials >= 1");
    }
}
