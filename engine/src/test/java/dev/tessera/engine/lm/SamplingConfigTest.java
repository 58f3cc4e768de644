package dev.tessera.engine.lm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each sampling setting is accepted up to its cap and refused one past it, with the valid range. */
class SamplingConfigTest {

    private static final SamplingConfig BASE = SamplingConfig.images(0);

    @Test
    void temperatureInZeroToTen() {
        assertThat(BASE.withTemperature(SamplingConfig.MAX_TEMPERATURE).temperature()).isEqualTo(10);
        assertThat(BASE.withTemperature(0).greedyChoice()).isTrue();
        for (double bad : new double[] {Math.nextUp(10.0), -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> BASE.withTemperature(bad)).hasMessageContaining("temperature (--temperature) must be in [0, 10]");
        }
    }

    @Test
    void topKUpToTheCap() {
        assertThat(new SamplingConfig(0.8, SamplingConfig.MAX_TOP_K, 1, 2, 0).topK()).isEqualTo(65_536);
        assertThatThrownBy(() -> new SamplingConfig(0.8, 65_537, 1, 2, 0)).hasMessageContaining("topK (--top-k) must be in 0..65536");
        assertThatThrownBy(() -> new SamplingConfig(0.8, -1, 1, 2, 0)).hasMessageContaining("topK (--top-k) must be in 0..65536");
    }

    @Test
    void topPInZeroExclusiveToOne() {
        assertThat(new SamplingConfig(0.8, 0, 1, 2, 0).topP()).isEqualTo(1);
        assertThat(new SamplingConfig(0.8, 0, Double.MIN_VALUE, 2, 0).topP()).isPositive();
        for (double bad : new double[] {Math.nextUp(1.0), 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new SamplingConfig(0.8, 0, bad, 2, 0)).hasMessageContaining("topP (--top-p) must be in (0, 1]");
        }
    }

    @Test
    void cfgInZeroToTwenty() {
        assertThat(BASE.withCfg(SamplingConfig.MAX_CFG).cfgScale()).isEqualTo(20);
        for (double bad : new double[] {Math.nextUp(20.0), -1, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> BASE.withCfg(bad)).hasMessageContaining("cfgScale (--cfg) must be in [0, 20]");
        }
    }

    @Test
    void anySeedIsValid() {
        assertThat(BASE.withSeed(Long.MIN_VALUE).seed()).isEqualTo(Long.MIN_VALUE);
        assertThat(BASE.withSeed(Long.MAX_VALUE).seed()).isEqualTo(Long.MAX_VALUE);
    }
}
